package dev.cadence.io;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample cadences bundled in the jar (the repository's {@code cadences/} folder, with its
 * templates and scripts), so that {@code cadence demo} runs the same wherever it is started.
 */
public final class BundledSamples {
  static final String CADENCES = "/dev/cadence/demo/cadences";

  private BundledSamples() {}

  /**
   * Copies the bundled {@code cadences/} tree into {@code target} (created); returns the files
   * copied.
   */
  public static List<Path> copyCadences(Path target) throws IOException {
    URL url = BundledSamples.class.getResource(CADENCES);
    if (url == null) {
      throw new IOException(
          "the sample cadences are missing from this build; rebuild with `mvn package`");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the bundled samples: " + url, e);
    }
    if (!"jar".equals(uri.getScheme())) {
      return copyTree(Path.of(uri), target); // classes on disk: tests, an IDE
    }
    FileSystem jar;
    boolean opened = false;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    try {
      return copyTree(jar.getPath(CADENCES), target);
    } finally {
      if (opened) {
        jar.close();
      }
    }
  }

  private static List<Path> copyTree(Path from, Path target) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      List<Path> sources = all.sorted().toList();
      List<Path> copied = new ArrayList<>();
      for (Path source : sources) {
        // Relative names as text: the jar's paths and the disk's belong to different file systems.
        Path to = target.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(to);
        } else {
          Files.copy(source, to);
          copied.add(to);
        }
      }
      return copied;
    }
  }
}
