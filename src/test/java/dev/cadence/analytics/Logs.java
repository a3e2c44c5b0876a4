package dev.cadence.analytics;

import dev.cadence.io.log.OutcomeLogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Outcome logs written from text for tests, and what analyze makes of them. */
final class Logs {
  static final String HEADER = "timestamp,lead_id,cadence,step,channel,template,region,event\n";

  private Logs() {}

  /** Writes each text as log-N.csv in {@code dir} (a header is added when missing). */
  static List<Path> write(Path dir, String... texts) {
    List<Path> files = new ArrayList<>();
    try {
      for (int i = 0; i < texts.length; i++) {
        Path f = dir.resolve("log-" + (i + 1) + ".csv");
        String text = texts[i].startsWith("timestamp") ? texts[i] : HEADER + texts[i];
        Files.writeString(f, text, StandardCharsets.UTF_8);
        files.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static OutcomeLogReader.Result read(List<Path> files) {
    return new OutcomeLogReader(Map.of(), 2).read(files);
  }

  static Analysis analyze(Path dir, String... texts) {
    List<Path> files = write(dir, texts);
    OutcomeLogReader.Result r = read(files);
    TouchCube cube = TouchCube.build(r.events(), 2);
    List<Analysis.FileSummary> summaries =
        r.files().stream()
            .map(f -> new Analysis.FileSummary(f.source(), f.records(), f.events()))
            .toList();
    return Analysis.of(cube, r.quality(), r.events().sources(), summaries, List.of(), List.of());
  }

  /**
   * The cells as "step#position/gap: touches t, bounced b, opened o, responded r, exits x" lines.
   */
  static List<String> cells(Analysis a) {
    List<String> out = new ArrayList<>();
    TouchCube cube = a.cube();
    for (int i = 0; i < cube.cells().size(); i++) {
      TouchCell c = cube.cells().get(i);
      out.add(
          c.cadence()
              + "/"
              + c.step()
              + "#"
              + c.position()
              + "/"
              + (c.gapDays() == TouchCell.NO_GAP ? "-" : c.gapDays())
              + ": t"
              + c.touches()
              + " b"
              + c.bounced()
              + " o"
              + c.opened()
              + " r"
              + c.responded()
              + " x"
              + cube.exits(i));
    }
    return out;
  }

  /** Findings as "code count" strings. */
  static List<String> findings(Analysis a) {
    return a.findings().stream().map(f -> f.issue().code() + " " + f.count()).toList();
  }
}
