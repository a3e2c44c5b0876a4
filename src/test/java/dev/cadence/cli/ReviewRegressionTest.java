package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** One test per problem found in review, so that none comes back. */
class ReviewRegressionTest {
  @TempDir Path dir;

  @Test
  void theSameFileUnderTwoSpellingsIsCheckedOnceNotReportedAsADuplicateCadence()
      throws IOException {
    Path file = dir.resolve("a.yaml");
    Files.writeString(file, "cadence: a\nsteps:\n  - id: s\n    channel: task\n");
    var r = CliHarness.run("validate", dir.resolve("./a.yaml").toString(), dir.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).as(r.toString()).contains("1 file checked");
  }

  @Test
  void aLongChainOfStepsDoesNotOverflowTheStack() throws IOException {
    StringBuilder yaml = new StringBuilder("cadence: long\nsteps:\n");
    for (int i = 0; i < 6000; i++) {
      yaml.append("  - id: s").append(i).append("\n    channel: task\n");
    }
    Files.writeString(dir.resolve("long.yaml"), yaml);
    var r = CliHarness.run("validate", dir.resolve("long.yaml").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void aTemplateWithAByteOrderMarkIsAccepted() throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.write(
        dir.resolve("templates/hi.md"),
        ("\uFEFF---\nsubject: Hi\n---\nHello {{first_name}}\n").getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("c.yaml"),
        "cadence: c\nsteps:\n  - id: s\n    channel: email\n    template: hi\n");
    var r = CliHarness.run("validate", "--strict", dir.resolve("c.yaml").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void jsonOutputEndsWithANewline() throws IOException {
    Files.writeString(dir.resolve("c.yaml"), "cadence: c\nsteps:\n  - id: s\n    channel: task\n");
    var r = CliHarness.run("validate", "--format", "json", dir.resolve("c.yaml").toString());
    assertThat(r.out()).endsWith("}\n");
  }

  @Test
  void aLeadListWithoutIdColumnWritesNoDocumentAtAll() throws IOException {
    Files.writeString(dir.resolve("c.yaml"), "cadence: c\nsteps:\n  - id: s\n    channel: task\n");
    Files.writeString(dir.resolve("leads.csv"), "name,email\nAna,a@b.fr\n");
    for (String format : List.of("json", "ics", "csv")) {
      var r =
          CliHarness.run(
              "plan",
              dir.resolve("c.yaml").toString(),
              "--leads",
              dir.resolve("leads.csv").toString(),
              "--format",
              format);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).as(r.toString()).isEmpty();
      assertThat(r.err().lines()).as(r.toString()).hasSize(1);
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aFailedWriteToStdoutExitsThreeNotZero() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.cadence.Main",
                "schema")
            .redirectOutput(new File("/dev/full"))
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(err).contains("could not write the output");
  }
}
