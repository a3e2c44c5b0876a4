package dev.cadence.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.analytics.TouchCell;
import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.analytics.recommend.Recommender;
import dev.cadence.io.CadenceChanges;
import dev.cadence.io.CadenceWorkspace;
import dev.cadence.report.recommend.UnifiedDiff;
import dev.cadence.validate.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases of recommend's cadence edits: each folder under {@code golden/recommend-edit/} has
 * cadence files ({@code cadences/}), a touch cube ({@code cube.csv}) and {@code expected.txt}: what
 * became of each recommendation, then the unified diff. Set {@code UPDATE_GOLDEN=1} to rewrite the
 * expectations after a deliberate change, and review them before committing.
 */
class RecommendEditGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden/recommend-edit");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void editsMatchTheGoldenOutput(Path dir) throws IOException {
    List<Path> absolute;
    try (Stream<Path> list = Files.list(dir.resolve("cadences"))) {
      absolute = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    CadenceWorkspace.Prepared prepared = CadenceWorkspace.prepare(absolute);
    assertThat(prepared.result().count(Severity.ERROR))
        .as("the case's cadences must validate: " + prepared.result())
        .isZero();
    Recommender.Result result =
        Recommender.recommend(
            readCube(dir.resolve("cube.csv")), prepared.cadences(), Recommender.Settings.DEFAULT);
    CadenceChanges.Plan plan = CadenceChanges.plan(result.items(), absolute, prepared.cadences());

    StringBuilder out = new StringBuilder();
    for (Recommendation r : result.items()) {
      if (!CadenceChanges.changeable(r)) {
        out.append("advice ")
            .append(label(dir, plan.locations().get(r)))
            .append(' ')
            .append(r.type())
            .append(' ')
            .append(r.step())
            .append('\n');
      }
    }
    for (CadenceChanges.Outcome o : plan.outcomes()) {
      Recommendation r = o.recommendation();
      if (o instanceof CadenceChanges.Change c) {
        out.append("change ")
            .append(label(dir, c.at()))
            .append(' ')
            .append(r.type())
            .append(' ')
            .append(r.step())
            .append(": ")
            .append(c.summary())
            .append('\n');
      } else if (o instanceof CadenceChanges.AlreadyDone d) {
        out.append("done ")
            .append(label(dir, d.at()))
            .append(' ')
            .append(r.type())
            .append(' ')
            .append(r.step())
            .append(": ")
            .append(d.note())
            .append('\n');
      } else {
        CadenceChanges.Refusal f = (CadenceChanges.Refusal) o;
        out.append("refused ")
            .append(f.at().map(l -> label(dir, l)).orElse("-"))
            .append(' ')
            .append(r.type())
            .append(' ')
            .append(r.step())
            .append(": ")
            .append(f.reason().replace(dir.toAbsolutePath() + "/", "").replace(dir + "/", ""))
            .append('\n');
      }
    }
    for (CadenceChanges.FileEdit edit : plan.changedFiles()) {
      out.append(
          UnifiedDiff.of(dir.relativize(edit.file()).toString(), edit.before(), edit.after()));
    }
    Path expected = dir.resolve("expected.txt");
    if (System.getenv("UPDATE_GOLDEN") != null) {
      Files.writeString(expected, out.toString(), StandardCharsets.UTF_8);
    }
    assertThat(out.toString()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    // The cadence files themselves are never touched by planning.
    for (CadenceChanges.FileEdit edit : plan.files()) {
      assertThat(Files.readString(edit.file(), StandardCharsets.UTF_8)).isEqualTo(edit.before());
    }
  }

  private static String label(Path dir, CadenceChanges.Location at) {
    return at == null ? "-" : dir.relativize(at.file()) + ":" + at.line();
  }

  /** cadence,step,channel,template,region,position,gap_days,touches,bounced,opened,responded */
  static List<TouchCell> readCube(Path csv) throws IOException {
    List<TouchCell> cells = new ArrayList<>();
    for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("cadence,") || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      cells.add(
          new TouchCell(
              f[0],
              f[1],
              f[2],
              f[3],
              f[4],
              Integer.parseInt(f[5]),
              Integer.parseInt(f[6]),
              Long.parseLong(f[7]),
              Long.parseLong(f[8]),
              Long.parseLong(f[9]),
              Long.parseLong(f[10])));
    }
    return cells;
  }
}
