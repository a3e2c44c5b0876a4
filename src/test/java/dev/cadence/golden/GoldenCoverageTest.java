package dev.cadence.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.validate.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code is shown by at least one golden case of {@code validate}, or says why not.
 */
class GoldenCoverageTest {
  /** Codes with no golden folder, and why; kept short and checked to be still true below. */
  private static final Map<Code, String> NOT_IN_GOLDEN_FILES =
      new EnumMap<>(
          Map.of(
              Code.IO_ERROR,
              "needs a file that exists but cannot be read; tests run as root, who can read any file,"
                  + " so there is no portable way to make one",
              Code.FILE_TOO_LARGE,
              "needs a file over 1 MiB; ValidateFileTooLargeTest writes one at run time instead of committing it"));

  @Test
  void everyCodeAppearsInTheExpectedOutputOfAGoldenCase() throws IOException {
    String all = allExpectedText();
    List<String> missing = new ArrayList<>();
    for (Code code : Code.values()) {
      if (!NOT_IN_GOLDEN_FILES.containsKey(code) && !all.contains("[" + code.id() + "]")) {
        missing.add(code.id());
      }
    }
    assertThat(missing)
        .as("codes without a golden case under " + ValidateGoldenTest.ROOT)
        .isEmpty();
  }

  @Test
  void theAllowListHoldsOnlyCodesThatReallyHaveNoGoldenCase() throws IOException {
    String all = allExpectedText();
    for (Code code : NOT_IN_GOLDEN_FILES.keySet()) {
      assertThat(all)
          .as(code.id() + " now has a golden case: remove it from the allow-list")
          .doesNotContain("[" + code.id() + "]");
    }
  }

  @Test
  void everyCaseHasAllItsExpectations() throws IOException {
    try (Stream<Path> dirs = Files.list(ValidateGoldenTest.ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        for (String name : List.of("expected.txt", "expected.json", "expected.exit")) {
          assertThat(dir.resolve(name)).as("golden case " + dir.getFileName()).isRegularFile();
        }
      }
    }
  }

  private static String allExpectedText() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(ValidateGoldenTest.ROOT)) {
      for (Path dir : files.filter(Files::isDirectory).sorted().toList()) {
        Path expected = dir.resolve("expected.txt");
        if (Files.exists(expected)) {
          all.append(ValidateGoldenTest.read(expected));
        }
      }
    }
    return all.toString();
  }
}
