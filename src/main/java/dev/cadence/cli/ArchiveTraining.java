package dev.cadence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run that {@code bin/cadence} records its class-data archive (AppCDS) from: in one JVM, the
 * start-up paths a user meets (validate of a folder and of one file, every output format, a broken
 * cadence with its diagnostics and suggestions, help, version, schema). A class that a real run
 * loads but the recording did not is read from the jar, verified and linked at each start; a
 * recording of a single {@code validate --format json} left the text renderer and the diagnostics
 * path out of the archive.
 *
 * <p>Started as {@code java -XX:ArchiveClassesAtExit=... -Dcadence.training=SAMPLES -cp cadence.jar
 * dev.cadence.Main}; prints nothing.
 */
public final class ArchiveTraining {
  /** A cadence with the usual mistakes: each one takes a different diagnostic path. */
  private static final String BROKEN =
      """
      cadence: training-broken
      model: transactionel
      schedule:
        timezone: Europe/Pariss
        window: "9-17"
        min_gap: 3 days
      exits:
        done: { status: Done }
        unused: {}
      steps:
        - id: intro
          day: 1
          channel: emial
          templat: intro
        - id: call
          day: 0
          channel: call
          on: { conected: nowhere, replied: { exit: gone } }
        - id: intro
          wait: 2x
          channel: email
          template: missing-template
        - id: orphan
          channel: task
          next: { handoff: no-such-cadence }
      """;

  /** A few leads with and without a zone, one not to contact: the usual paths of a lead list. */
  private static final String TRAINING_LEADS =
      """
      id,email,first_name,last_name,company,title,phone,region,timezone,owner,do_not_contact
      L1,ana.martin@acme.example,Ana,Martin,Acme,CFO,+33 1 00 00 00 01,EMEA-FR,Europe/Paris,rep1,false
      L2,bruno.smith@globex.example,Bruno,Smith,Globex,CTO,+1 555 0100,NA-EAST,America/New_York,rep2,false
      L3,chloe.tan@initech.example,Chloe,Tan,Initech,Buyer,,APAC,,rep3,false
      L4,david.lee@hooli.example,David,Lee,Hooli,Buyer,,NA-WEST,America/Los_Angeles,rep4,true
      """;

  /** A hard bounce as a mail server writes it (RFC 3464). */
  private static final String TRAINING_BOUNCE =
      """
      From: MAILER-DAEMON@mx.acme.example
      To: sales@northwind.example
      Subject: Undelivered Mail Returned to Sender
      Message-ID: <training@mx.acme.example>
      MIME-Version: 1.0
      Content-Type: multipart/report; report-type=delivery-status; boundary="b"

      --b
      Content-Type: message/delivery-status

      Reporting-MTA: dns; mx.acme.example

      Final-Recipient: rfc822; ana.martin@acme.example
      Action: failed
      Status: 5.1.1
      --b--
      """;

  private ArchiveTraining() {}

  public static void run(Path samples) {
    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"--version"});
    runs.add(new String[] {"--help"});
    runs.add(new String[] {"validate", "--help"});
    runs.add(new String[] {"schema"});
    runs.add(new String[] {"valdate", samples.toString()}); // a typo: picocli's suggestions
    runs.add(new String[] {"validate", "--frobnicate", samples.toString()});
    runs.add(new String[] {"validate", samples.toString()});
    firstCadence(samples).ifPresent(one -> runs.add(new String[] {"validate", one.toString()}));
    for (String format : new String[] {"json", "junit", "sarif", "github"}) {
      runs.add(new String[] {"validate", "--format", format, samples.toString()});
    }
    Path broken = null;
    try {
      broken = Files.createTempDirectory("cadence-training");
      Path file = Files.writeString(broken.resolve("broken.yaml"), BROKEN, StandardCharsets.UTF_8);
      Files.writeString(broken.resolve("not-yaml.yml"), "steps: [\n", StandardCharsets.UTF_8);
      runs.add(new String[] {"validate", file.toString()});
      runs.add(
          new String[] {
            "validate",
            "--strict",
            "-q",
            broken.toString(),
            broken.resolve("missing.yaml").toString()
          });
      for (String format : new String[] {"json", "junit", "sarif", "github"}) {
        runs.add(new String[] {"validate", "--format", format, broken.toString()});
      }
      // plan in every format: its reader, engine and writers (and their lambdas) join the archive
      Path leads =
          Files.writeString(broken.resolve("leads.csv"), TRAINING_LEADS, StandardCharsets.UTF_8);
      Optional<Path> cadence = planCadence(samples);
      for (String format : new String[] {"text", "json", "csv", "ics"}) {
        cadence.ifPresent(
            c ->
                runs.add(
                    new String[] {
                      "plan",
                      c.toString(),
                      "--leads",
                      leads.toString(),
                      "--start",
                      "2026-12-01",
                      "--format",
                      format
                    }));
      }
      cadence.ifPresent(
          c ->
              runs.add(
                  new String[] {"plan", c.toString(), "--leads", leads.toString(), "--by", "day"}));
      // The live commands cron starts every few minutes, on a store of their own: SQLite, the
      // live side of the engine, reading mail, and the IMAP provider (a refused connection on
      // loopback loads it without a server). Nothing is sent.
      Path message = Files.writeString(broken.resolve("bounce.eml"), TRAINING_BOUNCE);
      String db = broken.resolve("training.db").toString();
      cadence.ifPresent(
          c -> {
            runs.add(
                new String[] {
                  "enroll",
                  c.toString(),
                  "--leads",
                  leads.toString(),
                  "--db",
                  db,
                  "--start",
                  "2026-12-01",
                  "--now",
                  "2026-11-30T12:00:00Z"
                });
            runs.add(
                new String[] {"run", "--dry-run", "--db", db, "--now", "2026-12-01T09:30:00Z"});
            runs.add(new String[] {"status", "--db", db});
            runs.add(new String[] {"tasks", "--db", db});
            runs.add(new String[] {"inbox", "--db", db, message.toString()});
            runs.add(
                new String[] {
                  "inbox",
                  "--db",
                  db,
                  "--imap",
                  "imap://training:none@127.0.0.1:1/INBOX?starttls=false&connect_timeout=200ms"
                });
          });
    } catch (IOException e) {
      // No temporary folder: the archive just lacks the diagnostics path; the samples still run.
    }
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    for (String[] args : runs) {
      try {
        Cli.run(none, none, args);
      } catch (RuntimeException e) {
        // One failing run must not stop the recording of the others.
      }
    }
    // validate through picocli too (Cli.run takes it there for the forms FastValidate leaves to it)
    Cli.create(none, none, "validate").execute("validate", "--format", "Json", samples.toString());
    delete(broken);
  }

  /** The cadence the plan benchmark runs, else the first one. */
  private static Optional<Path> planCadence(Path samples) {
    Path usual = samples.resolve("outbound-lead-qualification.yaml");
    return Files.isRegularFile(usual) ? Optional.of(usual) : firstCadence(samples);
  }

  private static Optional<Path> firstCadence(Path samples) {
    try (Stream<Path> files = Files.list(samples)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
