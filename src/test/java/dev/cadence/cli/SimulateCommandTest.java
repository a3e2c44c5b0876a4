package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  static final String OUTBOUND = "cadences/outbound-lead-qualification.yaml";
  static final String LEADS = "samples/leads-small.csv";

  @TempDir Path dir;

  CliHarness.CliResult simulate(Path out, String... more) {
    return simulateLeads(LEADS, out, more);
  }

  CliHarness.CliResult simulateLeads(String leads, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "simulate",
                OUTBOUND,
                "--leads",
                leads,
                "--start",
                "2026-03-02",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return CliHarness.run(args.toArray(String[]::new));
  }

  @Test
  void theSameSeedWritesTheSameLogByteForByteAndAnotherSeedAnotherLog() throws IOException {
    var a = simulate(dir.resolve("a.csv"), "--seed", "7");
    var b = simulate(dir.resolve("b.csv"), "--seed", "7", "--threads", "1");
    var c = simulate(dir.resolve("c.csv"), "--seed", "8");
    for (var r : List.of(a, b, c)) {
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.err()).as("nothing on stderr when it is not a terminal: " + r).isEmpty();
    }
    assertThat(Files.readAllBytes(dir.resolve("b.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
    assertThat(Files.readAllBytes(dir.resolve("c.csv")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
    assertThat(a.out())
        .startsWith("simulated 20 leads (seed 7, model default, start 2026-03-02): ");
  }

  @Test
  void theLogHasTheContractsHeaderAndOneTouchEventBeforeTheResponsesOfEachTouch()
      throws IOException {
    var r = simulate(dir.resolve("log.csv"));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("log.csv"));
    assertThat(lines.get(0))
        .isEqualTo("timestamp,lead_id,cadence,step,channel,template,region,event");
    assertThat(lines.get(1))
        .isEqualTo(
            "2026-03-02T09:00:00+01:00,L-0001,outbound-lead-qualification,intro-email,email,intro-fr,EMEA-FR,sent");
    java.util.Set<String> touched = new java.util.HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).as(line).hasSize(8);
      assertThat(java.time.OffsetDateTime.parse(f[0])).as(line).isNotNull();
      String touch = f[1] + "/" + f[3];
      if (List.of("sent", "called", "done", "requested").contains(f[7])) {
        touched.add(touch);
      } else {
        assertThat(touched).as("a response before its touch: " + line).contains(touch);
      }
    }
  }

  @Test
  void leadValuesThatASpreadsheetWouldRunAreEscapedInTheLog() throws IOException {
    Path leads =
        Files.writeString(
            dir.resolve("leads.csv"),
            """
        id,email,region,timezone
        =1+2,a@example.com,"@SUM(A1),x",Europe/Paris
        -7,b@example.com,+33,Europe/Paris
        """);
    var r =
        CliHarness.run(
            "simulate",
            OUTBOUND,
            "--leads",
            leads.toString(),
            "--start",
            "2026-03-02",
            "--out",
            dir.resolve("log.csv").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("log.csv"));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "2026-03-02T09:00:00+01:00,'=1+2,outbound-lead-qualification,intro-email,email,intro,\"'@SUM(A1),x\",sent"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",'-7,").contains(",'+33,"));
  }

  @Test
  void aProbabilityOutsideZeroToOneIsOneLineWithItsPositionExitOneAndNoLog() throws IOException {
    Path model =
        Files.writeString(dir.resolve("model.yaml"), "email:\n  opened: 0.4\n  replied: 1.5\n");
    Path out = dir.resolve("log.csv");
    var r = simulate(out, "--model", model.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err().lines().toList())
        .as(r.toString())
        .containsExactly(
            model
                + ":3:12: error: email.replied: 1.5 is outside [0, 1]; write a probability from 0 to 1 (e.g. 0.45) or a percentage (45%)",
            "error: the response model " + model + " has 1 problem; nothing simulated");
    assertThat(out).doesNotExist();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingInputIsAUsageErrorAndNothingIsWritten() throws IOException {
    Path out = dir.resolve("log.csv");
    var cadence =
        CliHarness.run("simulate", "cadences/nope.yaml", "--leads", LEADS, "--out", out.toString());
    var leads = simulateLeads("samples/nope.csv", out);
    var model = simulate(out, "--model", "samples/nope.yaml");
    var folder = simulate(dir.resolve("no/such/folder/log.csv"));
    assertThat(cadence.exitCode()).as(cadence.toString()).isEqualTo(2);
    assertThat(cadence.err()).isEqualTo("error: no such cadence file: cadences/nope.yaml\n");
    assertThat(leads.exitCode()).as(leads.toString()).isEqualTo(2);
    assertThat(leads.err()).isEqualTo("error: no such lead file: samples/nope.csv\n");
    assertThat(model.exitCode()).as(model.toString()).isEqualTo(2);
    assertThat(folder.exitCode()).as(folder.toString()).isEqualTo(2);
    assertThat(dir).isEmptyDirectory();
    var noOut = CliHarness.run("simulate", OUTBOUND, "--leads", LEADS);
    assertThat(noOut.exitCode()).as(noOut.toString()).isEqualTo(2);
    assertThat(noOut.err()).contains("Missing required option: '--out=LOG.csv'");
    var badStart =
        CliHarness.run(
            "simulate",
            OUTBOUND,
            "--leads",
            LEADS,
            "--start",
            "2026-13-01",
            "--out",
            out.toString());
    assertThat(badStart.exitCode()).as(badStart.toString()).isEqualTo(2);
    assertThat(badStart.err())
        .isEqualTo(
            "error: --start `2026-13-01` is not a date; write YYYY-MM-DD, e.g. 2026-03-02\n");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aRunThatFailsLeavesThePreviousLogAndNoTemporaryFile() throws IOException {
    Path out = Files.writeString(dir.resolve("log.csv"), "previous\n");
    Path cadence =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
        cadence: bad
        steps:
          - { id: a, channel: call, next: nowhere }
        """);
    var invalid =
        CliHarness.run("simulate", cadence.toString(), "--leads", LEADS, "--out", out.toString());
    assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
    assertThat(invalid.err())
        .as(invalid.toString())
        .contains(cadence + ":3:35: error[unknown-step]:")
        .contains(
            "error: 2 errors in the cadence files (see `cadence validate`); nothing simulated");
    Path badHeader = Files.writeString(dir.resolve("leads.csv"), "email,region\na@example.com,X\n");
    var header =
        CliHarness.run(
            "simulate", OUTBOUND, "--leads", badHeader.toString(), "--out", out.toString());
    assertThat(header.exitCode()).as(header.toString()).isEqualTo(1);
    var strict =
        simulateLeads(
            "samples/leads-bad.csv",
            out,
            "--strict",
            "--rejects",
            dir.resolve("rejects.csv").toString());
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
    assertThat(strict.err())
        .as(strict.toString())
        .contains("samples/leads-bad.csv:4: rejected: duplicate id `L-101`")
        .endsWith("error: 11 lead rows were rejected (--strict); " + out + " not written\n");
    assertThat(out).hasContent("previous");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("log.csv", "bad.yaml", "leads.csv", "rejects.csv");
    }
  }

  @Test
  void rejectedRowsAreListedAndWrittenAndTheGoodOnesSimulated() throws IOException {
    Path rejects = dir.resolve("rejects.csv");
    var r =
        simulateLeads(
            "samples/leads-bad.csv",
            dir.resolve("log.csv"),
            "--rejects",
            rejects.toString(),
            "--format",
            "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> err = r.err().lines().toList();
    assertThat(err).as(r.toString()).hasSize(12);
    assertThat(err.subList(0, 11)).allMatch(l -> l.startsWith("samples/leads-bad.csv:"));
    assertThat(err.get(11)).isEqualTo("11 of 14 rows rejected; written to " + rejects);
    assertThat(Files.readAllLines(rejects)).hasSize(12);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("rejected").asLong()).isEqualTo(11);
    assertThat(json.get("leads").asLong()).isEqualTo(3);
  }

  @Test
  void theJsonSummaryCountsWhatTheLogHolds() throws IOException {
    Path out = dir.resolve("log.csv");
    var r = simulate(out, "--format", "json", "--seed", "3");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<String[]> log =
        Files.readAllLines(out).stream().skip(1).map(l -> l.split(",", -1)).toList();
    assertThat(json.get("events").asLong()).isEqualTo(log.size());
    assertThat(json.get("leads").asLong()).isEqualTo(20);
    JsonNode steps = json.get("cadences").get(0).get("steps");
    assertThat(steps).hasSize(11);
    long touches = 0;
    long exits = 0;
    for (JsonNode step : steps) {
      String id = step.get("step").asText();
      long inLog =
          log.stream()
              .filter(f -> f[3].equals(id) && List.of("sent", "called").contains(f[7]))
              .count();
      assertThat(step.get("touches").asLong()).as(id).isEqualTo(inLog);
      long replied =
          log.stream()
              .filter(f -> f[3].equals(id) && List.of("replied", "connected").contains(f[7]))
              .count();
      assertThat(step.get("responded").asLong()).as(id).isEqualTo(replied);
      touches += inLog;
      exits += step.get("exits").asLong();
    }
    long ends = 0;
    for (JsonNode end : json.get("ends")) {
      ends += end.get("count").asLong();
    }
    // Every lead ends exactly once; the do-not-contact one without a step.
    assertThat(ends).isEqualTo(20);
    assertThat(exits).isEqualTo(19);
    assertThat(touches).isPositive();
    assertThat(json.get("refused").get("total").asLong()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aHandoffToACadenceGivenOnTheCommandLineEnrollsTheLeadThere() throws IOException {
    Path model = Files.writeString(dir.resolve("silent.yaml"), "email: { opened: 0 }\n");
    var r =
        CliHarness.run(
            "simulate",
            "cadences/staged-branching.yaml",
            "cadences/recontact-later.yaml",
            "--leads",
            LEADS,
            "--start",
            "2026-03-02",
            "--model",
            model.toString(),
            "--out",
            dir.resolve("log.csv").toString(),
            "--format",
            "json",
            "--max-touches",
            "20");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("cadences").get(1).get("cadence").asText()).isEqualTo("recontact-later");
    // Nobody answers anything: every lead that can be contacted goes to no-response, then
    // re-contact,
    // then back to the staged cadence (they hand off to each other) until the touch limit.
    assertThat(json.get("cadences").get(1).get("enrollments").asLong()).isEqualTo(19 * 2);
    assertThat(json.get("cadences").get(0).get("enrollments").asLong()).isEqualTo(20 + 19 * 2);
    assertThat(json.get("capped").asLong()).isEqualTo(19);
    assertThat(Files.readString(dir.resolve("log.csv"))).contains(",recontact-later,");
  }

  @Test
  void withoutStartLeadsAreEnrolledAtNow() throws IOException {
    var r =
        CliHarness.run(
            "simulate",
            OUTBOUND,
            "--leads",
            LEADS,
            "--now",
            "2026-03-04T10:15:30.5+01:00",
            "--out",
            dir.resolve("log.csv").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("start 2026-03-04T09:15:30Z");
    // Enrolled on Wednesday at 10:15 in Paris: the day-1 email goes at once.
    assertThat(Files.readAllLines(dir.resolve("log.csv")).get(1))
        .startsWith("2026-03-04T10:15:30+01:00,L-0001,");
  }

  @Test
  void theSampleOutcomeLogIsWhatTheDocumentedCommandWrites() throws IOException {
    // docs/response-model.md: regenerate samples/outcome-log.csv with this command after a change
    // to the engine, the simulation or the default model.
    Path out = dir.resolve("outcome-log.csv");
    var r =
        CliHarness.run(
            "simulate",
            OUTBOUND,
            "--leads",
            LEADS,
            "--start",
            "2026-03-02",
            "--seed",
            "1",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(Files.readString(Path.of("samples/outcome-log.csv")));
  }
}
