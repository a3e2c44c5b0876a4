package dev.cadence.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Outcome logs of an A/B test written line by line, so that every count is known exactly: arm A's
 * third touch is the email {@code followup-email}, arm B's the call {@code followup-call-b}.
 */
final class AbLogs {
  private AbLogs() {}

  /**
   * The cadence of the golden case {@code swap-third-email}, with its templates and scripts, copied
   * into {@code dir}.
   */
  static Path cadence(Path dir) throws IOException {
    Path from = Path.of("src/test/resources/golden/recommend-edit/swap-third-email/cadences");
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    return dir.resolve("out.yaml");
  }

  /**
   * Writes a log of {@code perArm} leads in each arm: {@code emailReplies} of arm A's third emails
   * were replied to, {@code callConnects} of arm B's third calls connected.
   */
  static Path write(Path file, int perArm, int emailReplies, int callConnects) throws IOException {
    StringBuilder log =
        new StringBuilder("timestamp,lead_id,cadence,step,channel,template,region,event\n");
    for (int i = 0; i < perArm; i++) {
      for (String arm : List.of("A", "B")) {
        String lead = arm + "-" + i;
        line(log, "2026-03-02T09:00:00+01:00", lead, "intro-email", "email", "intro", "sent");
        line(log, "2026-03-03T09:00:00+01:00", lead, "check-call", "call", "", "called");
        if (arm.equals("A")) {
          line(
              log,
              "2026-03-06T09:00:00+01:00",
              lead,
              "followup-email",
              "email",
              "outbound-followup",
              "sent");
          if (i < emailReplies) {
            line(
                log,
                "2026-03-06T11:00:00+01:00",
                lead,
                "followup-email",
                "email",
                "outbound-followup",
                "replied");
          }
        } else {
          line(log, "2026-03-06T09:00:00+01:00", lead, "followup-call-b", "call", "", "called");
          if (i < callConnects) {
            line(
                log, "2026-03-06T09:10:00+01:00", lead, "followup-call-b", "call", "", "connected");
          }
        }
      }
    }
    Files.writeString(file, log);
    return file;
  }

  private static void line(
      StringBuilder log,
      String at,
      String lead,
      String step,
      String channel,
      String template,
      String event) {
    log.append(at)
        .append(',')
        .append(lead)
        .append(",out,")
        .append(step)
        .append(',')
        .append(channel)
        .append(',')
        .append(template)
        .append(",EMEA-FR,")
        .append(event)
        .append('\n');
  }
}
