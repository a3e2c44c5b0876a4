package dev.cadence.io.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written under a temporary name in its target's folder and moved into place only by {@link
 * #commit()}: a failed or interrupted run never leaves half a file, nor replaces a good one.
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
    for (int attempt = 0; ; attempt++) {
      // Not Files.createTempFile: its files are private (0600); a log gets the permissions of any
      // new file (the umask), like the file a shell redirection would create.
      Path temp =
          dir.resolve(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toHexString(ThreadLocalRandom.current().nextLong())
                  + ".tmp");
      try {
        OutputStream out =
            Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new AtomicOutput(target, temp, new BufferedOutputStream(out, 1 << 16));
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
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
