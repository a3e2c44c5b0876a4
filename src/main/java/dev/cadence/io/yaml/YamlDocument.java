package dev.cadence.io.yaml;

import java.util.List;
import java.util.Optional;

/**
 * The result of reading one file: its root node when it could be read, and every problem found.
 * Problems such as duplicate keys do not prevent a root; syntax errors do.
 */
public record YamlDocument(Optional<YNode> root, List<YamlProblem> problems) {
  public YamlDocument {
    problems = List.copyOf(problems);
  }
}
