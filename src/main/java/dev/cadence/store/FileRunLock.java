package dev.cadence.store;

import dev.cadence.live.RunLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock that makes overlapping ticks on a SQLite store impossible: an OS file lock on {@code
 * DB.lock}. The kernel drops it when the holder's process ends, however it ends (kill -9 included),
 * so a crashed tick never leaves a stale lock behind, and there is no lease to expire or clock to
 * trust. The file itself stays (empty but for the holder's pid, for the message); its existence
 * means nothing.
 */
final class FileRunLock implements RunLock {
  private final FileChannel channel;
  private final FileLock lock;

  private FileRunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Path lockFile(Path db) {
    return db.resolveSibling(db.getFileName() + ".lock");
  }

  /** The lock, or empty when another tick (another process, or another thread here) holds it. */
  static Optional<RunLock> tryAcquire(Path db) {
    Path file = lockFile(db);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.IO, "cannot open the run lock " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another thread of this JVM (tests run ticks on threads)
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      return Optional.of(new FileRunLock(channel, lock));
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // reporting the first failure
      }
      throw new StoreException(
          StoreException.Kind.IO, "cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** The pid the current holder wrote, when it can be read (for the "in progress" message). */
  static Optional<String> holder(Path db) {
    try {
      String pid = Files.readString(lockFile(db), StandardCharsets.US_ASCII).strip();
      return pid.isEmpty() ? Optional.empty() : Optional.of(pid);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the kernel releases it with the process anyway
    }
  }
}
