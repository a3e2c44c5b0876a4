package dev.cadence.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness;
import dev.cadence.cli.CliHarness.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases for {@code cadence validate}: each folder under {@link #ROOT} holds a broken input
 * and what the command must print for it, as text ({@code expected.txt}) and JSON ({@code
 * expected.json}), with its exit code ({@code expected.exit}) and, when it prints anything there,
 * its stderr ({@code expected.err}; otherwise stderr must stay empty).
 *
 * <p>The command is run on the case folder as a path relative to the repository root (Maven's
 * working directory), so the paths in the expectations are the same on every machine. An optional
 * {@code args} file adds options, one per line, before the path.
 *
 * <p>{@code mvn test -Dtest=ValidateGoldenTest -Dgolden.update=true} rewrites the expectations from
 * the current output instead of comparing (those runs are reported as aborted): read every changed
 * file before committing it.
 */
class ValidateGoldenTest {
  static final Path ROOT = Path.of("src", "test", "resources", "golden", "validate");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      List<String> names =
          dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
      assertThat(names).as("golden cases under " + ROOT.toAbsolutePath()).isNotEmpty();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateOutputMatchesTheGoldenFiles(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    List<String> options = options(dir);

    CliResult text = run(options, "text", dir);
    CliResult json = run(options, "json", dir);

    if (UPDATE) {
      write(dir.resolve("expected.txt"), text.out());
      write(dir.resolve("expected.json"), json.out());
      write(dir.resolve("expected.exit"), text.exitCode() + "\n");
      Path err = dir.resolve("expected.err");
      if (text.err().isEmpty()) {
        Files.deleteIfExists(err);
      } else {
        write(err, text.err());
      }
      Assumptions.abort(
          "golden.update=true: rewrote the expectations of " + name + "; review them");
    }

    int exit = Integer.parseInt(read(dir.resolve("expected.exit")).trim());
    String err = Files.exists(dir.resolve("expected.err")) ? read(dir.resolve("expected.err")) : "";
    assertThat(text.out()).as(text.toString()).isEqualTo(read(dir.resolve("expected.txt")));
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(exit);
    assertThat(text.err()).as(text.toString()).isEqualTo(err);
    assertThat(json.out()).as(json.toString()).isEqualTo(read(dir.resolve("expected.json")));
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(exit);
    assertThat(json.err()).as(json.toString()).isEqualTo(err);
  }

  private static CliResult run(List<String> options, String format, Path dir) {
    List<String> args = new ArrayList<>();
    args.add("validate");
    args.addAll(options);
    args.add("--format");
    args.add(format);
    args.add(dir.toString());
    return CliHarness.run(args.toArray(String[]::new));
  }

  private static List<String> options(Path dir) throws IOException {
    Path file = dir.resolve("args");
    if (!Files.exists(file)) {
      return List.of();
    }
    return read(file).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
