package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One way to fail: usage errors exit 2 before any work, store failures exit 3 in one line. */
class FailurePolicyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"run", "status", "enroll", "tasks"})
  void anUnknownFormatIsAUsageError(String command) {
    var r = CliHarness.run(command, "--format", "xml", "--db", dir.resolve("c.db").toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).as(r.toString()).contains("--format").contains("xml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run --log", "record --log", "resolve --log", "log --rebuild --out"})
  void anOutputFileInAFolderThatDoesNotExistIsAUsageError(String option) {
    String[] words = (option + " " + dir.resolve("missing/out.csv")).split(" ");
    var r = CliHarness.run(words);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).as(r.toString()).contains("no such folder for");
  }

  @Test
  void aStoreThatCannotBeUsedIsARuntimeFailureInOneLine() {
    var r = CliHarness.run("status", "--db", dir.resolve("none.db").toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME);
    assertThat(r.err().lines()).as(r.toString()).hasSize(1);
    assertThat(r.err()).startsWith("error: no state store at");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-v", "--verbose"})
  void verboseInEitherSpellingAddsTheTrace(String flag) {
    var r = CliHarness.run("status", flag, "--db", dir.resolve("none.db").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME);
    assertThat(r.err()).contains("StoreException").contains("\tat ");
  }
}
