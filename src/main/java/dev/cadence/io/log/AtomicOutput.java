package dev.cadence.io.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a temporary name in its target's folder and moved into place only by
 * {@link #commit()}: a failed or interrupted run never leaves half a file, nor replaces a good one.
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  private AtomicOutput(Path target, Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  /** Creates the temporary file beside {@code target}; the folder must exist. */
  public static AtomicOutput open(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      return new AtomicOutput(target, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  /** Flushes and moves the file into place, replacing what was there. */
  public void commit() throws IOException {
    out.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Without a commit, removes the temporary file: the target is untouched. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
