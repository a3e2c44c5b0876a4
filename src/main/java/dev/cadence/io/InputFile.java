package dev.cadence.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file a command reads, as the user named it: a path, {@code -} for standard input, or a pipe
 * ({@code <(zcat log.csv.gz)}, a FIFO). The readers of lead lists and outcome logs need a regular
 * file (they read the header first, then the rows; the log reader splits a file by its size), so
 * standard input and pipes are first copied whole into a temporary file, read from there and
 * deleted on {@link #close()}. Messages name the input as given ({@link #label()}), never the copy.
 *
 * @param label the name to show: {@code -}, or the path as given
 * @param path what to read: the file itself, or the copy
 * @param copied true when {@code path} is a temporary copy
 */
public record InputFile(String label, Path path, boolean copied) implements AutoCloseable {
  /** The name that means standard input. */
  public static final String STDIN = "-";

  /** True for the argument {@code -}. */
  public static boolean isStdin(Path given) {
    return given.toString().equals(STDIN);
  }

  /**
   * The input {@code given} names: {@code stdin} copied for {@code -}, a pipe or device copied, a
   * regular file (or one that does not exist, for the caller to report) as it is.
   *
   * @throws UncheckedIOException when standard input or the pipe cannot be read, or the copy not
   *     written
   */
  public static InputFile open(Path given, InputStream stdin) {
    try {
      if (isStdin(given)) {
        return copy(STDIN, stdin);
      }
      if (isPipe(given)) {
        try (InputStream in = Files.newInputStream(given)) {
          return copy(given.toString(), in);
        }
      }
      return new InputFile(given.toString(), given, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True for something that exists but is neither a regular file nor a folder: a pipe, a FIFO, a
   * character device. Its size says nothing of what it holds (a pipe's is 0), and it can be read
   * only once.
   */
  public static boolean isPipe(Path given) {
    return Files.exists(given) && !Files.isRegularFile(given) && !Files.isDirectory(given);
  }

  private static InputFile copy(String label, InputStream in) throws IOException {
    // Private to this user (0600), in the system's temporary folder: what is piped in may be a
    // customer list. Removed on close, and at exit should a command fail before it closes.
    Path copy = Files.createTempFile("cadence-input-", ".tmp");
    copy.toFile().deleteOnExit();
    try {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return new InputFile(label, copy, true);
  }

  /** Deletes the copy, if there is one. */
  @Override
  public void close() {
    if (copied) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // the copy is in the temporary folder, and deleteOnExit tries again
      }
    }
  }
}
