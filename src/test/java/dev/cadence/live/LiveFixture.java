package dev.cadence.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Cadence files, templates and lead lists on disk for the live tests. */
public final class LiveFixture {
  private LiveFixture() {}

  /**
   * Two emails and a call: intro on day 1, call day 2, follow-up day 3, in the lead's zone,
   * 09:00-17:00 Mon-Fri.
   */
  public static final String THREE_STEPS =
      """
      cadence: live-test
      schedule:
        timezone: lead
        fallback_timezone: Europe/Paris
        business_days: [MON, TUE, WED, THU, FRI]
        window: "09:00-17:00"
        min_gap: 1d
      exit_on: [replied, unsubscribed, bounced]
      steps:
        - id: intro
          day: 1
          channel: email
          template: intro
          status: Attempted to contact
        - id: call
          day: 2
          channel: call
          owner: sophie
          reminder: 30m
          requires: [budget]
          on:
            connected: followup
        - id: followup
          day: 3
          channel: email
          template: followup
      """;

  /** Emails only: day 1, day 2, day 4. */
  public static final String EMAILS_ONLY =
      """
      cadence: emails-only
      schedule:
        timezone: lead
        fallback_timezone: Europe/Paris
        business_days: [MON, TUE, WED, THU, FRI]
        window: "09:00-17:00"
        min_gap: 20h
      exit_on: [replied, unsubscribed, bounced]
      steps:
        - id: intro
          day: 1
          channel: email
          template: intro
        - id: second
          day: 2
          channel: email
          template: followup
        - id: third
          day: 4
          channel: email
          template: followup
      """;

  /**
   * Writes {@code yaml} as DIR/NAME.yaml with templates intro and followup; returns the cadence
   * file.
   */
  public static Path cadence(Path dir, String name, String yaml) throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("templates/intro.md"),
        "---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}} of {{company}},\nhello.\n");
    Files.writeString(
        dir.resolve("templates/followup.md"),
        "---\nsubject: Following up, {{first_name}}\n---\nStill there?\n");
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /**
   * Rows for {@link #leads}: L-0 (l0@example.com, N0, Co, Europe/Paris) up to L-(n-1), each owned
   * by {@code owner}.
   */
  public static List<String> numberedLeads(int n, String owner) {
    List<String> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add("L-" + i + ",l" + i + "@example.com,N" + i + ",Co,Europe/Paris," + owner + ",");
    }
    return rows;
  }

  /** A lead list: rows of id,email,first_name,company,timezone,owner,do_not_contact. */
  public static Path leads(Path dir, String name, List<String> rows) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        "id,email,first_name,company,timezone,owner,do_not_contact\n"
            + String.join("\n", rows)
            + "\n");
    return file;
  }
}
