package dev.cadence.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Tells a path that is missing from one that cannot be reached: {@code Files.exists} is false for
 * both, so a file under a folder that may not be entered (no x bit) would be reported as "no such
 * file", a usage error, when it is a permission problem (a runtime failure, exit 3).
 */
public final class PathAccess {
  private PathAccess() {}

  /**
   * Why {@code path} cannot be reached, when a permission stops it; empty when it can be, or when
   * it does not exist (the caller's own check says so).
   */
  public static Optional<String> denied(Path path) {
    try {
      Files.readAttributes(path, BasicFileAttributes.class);
      return Optional.empty();
    } catch (AccessDeniedException e) {
      return Optional.of("permission denied (a folder on its path may not be entered)");
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
