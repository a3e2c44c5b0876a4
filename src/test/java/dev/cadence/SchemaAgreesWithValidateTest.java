package dev.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cadence schema} and {@code cadence validate} run on the same files must agree: a file the
 * schema accepts has no error in {@code validate}, and a file {@code validate} accepts raises no
 * error in an editor. The only exceptions are what a pattern cannot know (which time zones exist, a
 * window's order), listed below so that they stay few and deliberate.
 */
class SchemaAgreesWithValidateTest {
  @TempDir Path dir;

  /** A cadence with two call steps; each case changes one thing in it. */
  private static String withTop(String line) {
    return "cadence: probe\n"
        + line
        + "\nsteps:\n  - id: a\n    channel: call\n  - id: b\n    channel: call\n";
  }

  private static String withStep(String lines) {
    return "cadence: probe\nexits: {done: }\nsteps:\n  - id: a\n    "
        + lines.replace("\n", "\n    ")
        + "\n  - id: b\n    channel: call\n    next: {exit: done}\n";
  }

  static Stream<String> cases() {
    Stream<String> top =
        Stream.of(
                "model: transactional",
                "model: Transactional",
                "model: RELATIONAL",
                "model: relation",
                "model: ''",
                "model: 1",
                "name: Outbound",
                "name: 123",
                "name: true",
                "description: 1.5",
                "name: ''",
                "name: null",
                "exit_on: [replied]",
                "exit_on: [Replied]",
                "exit_on: []",
                "exit_on: replied",
                "statuses: []",
                "statuses: ['']",
                "statuses: [Open, 404]",
                "exits: {gone: }",
                "exits: {gone: {status: ''}}",
                "exits: {gone: {status: 404}}",
                "exits: {Gone: {}}",
                "exits: {gone: {require: {email: 0}}}",
                "exits: {gone: {require: {email: -1}}}",
                "exits: {gone: {require: {email: '2'}}}",
                "schedule: {}",
                "schedule:",
                "schedule: {timezone: lead}",
                "schedule: {timezone: Europe/Paris}",
                "schedule: {timezone: ''}",
                "schedule: {business_days: [MON]}",
                "schedule: {business_days: [mon]}",
                "schedule: {business_days: [Monday]}",
                "schedule: {business_days: [monday]}",
                "schedule: {business_days: [MONDAY, tuesday, Wed, thU, FRIday, sat, Sunday]}",
                "schedule: {business_days: [Mo]}",
                "schedule: {business_days: [Mond]}",
                "schedule: {business_days: []}",
                "schedule: {business_days: [THURS]}",
                "schedule: {business_days: [MON, FUN]}",
                "schedule: {holidays: [2026-12-25]}",
                "schedule: {holidays: ['2026-12-25']}",
                "schedule: {holidays: [2026-02-30]}",
                "schedule: {holidays: [2024-02-29]}",
                "schedule: {holidays: [2026-02-29]}",
                "schedule: {holidays: [2000-02-29]}",
                "schedule: {holidays: [1900-02-29]}",
                "schedule: {holidays: [2026-04-31]}",
                "schedule: {holidays: [2026-13-01]}",
                "schedule: {holidays: [2026-1-1]}",
                "schedule: {holidays: []}",
                "schedule: {window: '09:00-17:00'}",
                "schedule: {window: '9:00-17:00'}",
                "schedule: {window: '09:00-24:00'}",
                "schedule: {window: ' 09:00 - 17:00 '}",
                "schedule: {min_gap: 1d}",
                "schedule: {min_gap: 0d}",
                "schedule: {min_gap: 1.5d}",
                "schedule: {min_gap: 1D}",
                "schedule: {min_gap: 0}")
            .map(SchemaAgreesWithValidateTest::withTop);
    Stream<String> step =
        Stream.of(
                "channel: call",
                "channel: Call",
                "channel: fax",
                "channel: call\nday: 0",
                "channel: call\nday: 1.5",
                "channel: call\nday: '1'",
                "channel: call\nday: 1",
                "channel: call\nwait: 0d",
                "channel: call\nday: 1\nwait: 1d",
                "channel: call\nreminder: 1h",
                "channel: call\nrequires: []",
                "channel: call\nrequires: ['']",
                "channel: call\nrequires: [budget, 2026]",
                "channel: call\nchecklist: [confirm-need]",
                "channel: call\nteam: 42",
                "channel: call\nowner: ''",
                "channel: call\nstatus: ''",
                "channel: call\nstatus: 1",
                "channel: call\nname: 5",
                "channel: call\nscript: ../x",
                "channel: call\non: {Connected: b}",
                "channel: call\non: {connected: b}",
                "channel: call\non: {opened: b}",
                "channel: call\nnext: {fork: [b]}",
                "channel: call\nnext: {fork: []}",
                "channel: call\nnext: {handoff: probe}",
                "channel: call\nnext: {exit: done, handoff: probe}",
                "channel: call\nafter: []",
                "channel: task\nvariants: {}",
                "channel: social",
                "channel: social\nvariants: {}",
                "channel: social\nvariants: {EU: x}")
            .map(SchemaAgreesWithValidateTest::withStep);
    return Stream.concat(top, step);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void schemaAndValidateAgree(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("probe.yaml"), yaml);
    var errors = SchemaSupport.errors(file);
    var validate = CliHarness.run("validate", file.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isIn(0, 1);
    boolean validateAccepts = validate.exitCode() == 0;
    assertThat(errors.isEmpty())
        .as(
            "schema errors %s, but validate says:%n%s",
            errors, validate.out().isEmpty() ? "no error" : validate.out())
        .isEqualTo(validateAccepts);
  }

  /**
   * What only a parser knows: the schema accepts these, validate does not. Keep this list short.
   */
  static Stream<String> onlyValidateCanTell() {
    return Stream.of(
            "schedule: {timezone: Mars/Base}", // the zones that exist change with every tz release
            "schedule: {window: '17:00-09:00'}", // start before end: a pattern cannot compare
            "schedule: {window: '09:00-09:00'}")
        .map(SchemaAgreesWithValidateTest::withTop);
  }

  @ParameterizedTest
  @MethodSource("onlyValidateCanTell")
  void onlyValidateCatchesWhatNoPatternCanSee(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("probe.yaml"), yaml);
    assertThat(SchemaSupport.errors(file)).isEmpty();
    assertThat(CliHarness.run("validate", file.toString()).exitCode()).isEqualTo(1);
  }
}
