package dev.cadence.store;

import dev.cadence.live.RunLock;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The lock that makes overlapping ticks on a SQLite store impossible: an OS lock on one byte of the
 * database file itself, far above the bytes SQLite locks. It belongs to the file (its inode), so
 * every spelling of the store (a symbolic link, {@code ./}, a relative path) meets the same lock,
 * and no file beside the store can be deleted to get around it. The kernel drops it when the
 * holder's process ends, however it ends (kill -9 included): a crashed tick never leaves a stale
 * lock, and there is no lease to expire or clock to trust.
 *
 * <p>Beside the store, {@code DB.lock} (DB being the store's real path) tells who holds it: see
 * {@link LockInfo}. It is information only; the lock does not depend on it.
 */
final class StoreLock implements RunLock {
  /**
   * The byte locked: SQLite locks 512 bytes from 1 GiB ({@code PENDING_BYTE}); this one is 1 MiB
   * above them. A lock past the end of a file is allowed and changes nothing in it.
   */
  static final long LOCK_BYTE = 0x40000000L + 0x100000L;

  private final FileLock lock;

  private StoreLock(FileLock lock) {
    this.lock = lock;
  }

  /** The lock, or empty when another tick (another process, or another thread here) holds it. */
  static Optional<RunLock> tryAcquire(OpenDatabases.Handle db) {
    if (!db.writable()) {
      throw new StoreException(
          StoreException.Kind.IO,
          "cannot lock the state store " + db.realPath() + " for a tick: it is read-only here");
    }
    FileLock lock;
    try {
      lock = db.channel().tryLock(LOCK_BYTE, 1, false);
    } catch (OverlappingFileLockException e) {
      return Optional.empty(); // held by another thread of this JVM (tests run ticks on threads)
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.IO,
          "cannot lock the state store " + db.realPath() + ": " + e.getMessage(),
          e);
    }
    return lock == null ? Optional.empty() : Optional.of(new StoreLock(lock));
  }

  /** Where the holder's information lives: beside the store's real path. */
  static Path infoFile(Path realPath) {
    return realPath.resolveSibling(realPath.getFileName() + ".lock");
  }

  @Override
  public void close() {
    try {
      lock.release(); // this byte only: the channel (and SQLite's locks) stay
    } catch (IOException e) {
      // the kernel releases it with the process anyway
    }
  }
}
