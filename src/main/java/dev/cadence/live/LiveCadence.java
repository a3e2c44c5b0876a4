package dev.cadence.live;

import dev.cadence.engine.Engine;
import java.nio.file.Path;

/**
 * A cadence loaded for a tick: its engine, its file, the folder its templates live in, and the hash
 * of the file text (due times stored in the store were computed from the text with that hash).
 */
public record LiveCadence(Engine engine, Path file, String hash) {
  public String id() {
    return engine.cadence().id();
  }

  /** The folder of the cadence file: templates/ and scripts/ are there. */
  public Path dir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }
}
