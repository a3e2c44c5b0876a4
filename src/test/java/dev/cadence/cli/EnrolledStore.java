package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where most live CLI tests start: numbered leads enrolled through {@code cadence enroll} on
 * 2026-03-01, so that their first touch is due on Monday 2026-03-02.
 */
public final class EnrolledStore {
  private EnrolledStore() {}

  /**
   * Writes {@code cadence} (a file from {@link LiveFixture#cadence}) and {@code n} leads owned by
   * {@code owner} to {@code dir}, and enrolls them into {@code db}; fails the test unless the
   * command succeeds.
   */
  public static void enroll(Path dir, Path cadence, Path db, int n, String owner)
      throws IOException {
    Path leads = LiveFixture.leads(dir, "l.csv", LiveFixture.numberedLeads(n, owner));
    CliHarness.CliResult r =
        CliHarness.run(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            db.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  /** {@link #enroll} into the emails-only cadence (intro, second, third), leads owned by "s". */
  public static void emailsOnly(Path dir, Path db, int n) throws IOException {
    enroll(dir, LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY), db, n, "s");
  }
}
