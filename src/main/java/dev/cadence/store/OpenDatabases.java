package dev.cadence.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * One file channel per database file (by file identity, whatever path names it) for the whole
 * process, shared by every store open on that file here and closed only when the last one closes.
 *
 * <p>Why: the locks SQLite and the run lock take are POSIX record locks, which belong to the
 * process and file, not to a descriptor; closing <em>any</em> descriptor of the file drops every
 * lock the process holds on it. SQLite in WAL mode holds a shared lock on the database file for as
 * long as a connection is open, and a connection that closes checkpoints and deletes the WAL when
 * it can take an exclusive one (it then believes itself the last). So a descriptor opened and
 * closed beside an open connection (to read the header, or to lock) could let another process
 * delete the WAL under this one. Reading the header and locking through this one channel, which
 * outlives every connection to the file in this process, never closes a descriptor too early.
 */
final class OpenDatabases {
  private static final Map<Object, Shared> OPEN = new HashMap<>();

  private OpenDatabases() {}

  /** A reference to the shared channel of one database file; close it once. */
  static final class Handle implements AutoCloseable {
    private final Shared shared;
    private boolean closed;

    private Handle(Shared shared) {
      this.shared = shared;
    }

    FileChannel channel() {
      return shared.channel;
    }

    /** The file's real path (links resolved) when it was opened. */
    Path realPath() {
      return shared.realPath;
    }

    /** False when the file could be opened for reading only (no exclusive lock is possible). */
    boolean writable() {
      return shared.writable;
    }

    /** The first {@code n} bytes of the file (fewer when it is shorter). */
    byte[] head(int n) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(n);
      FileChannel c = shared.channel;
      while (buffer.hasRemaining() && c.read(buffer, buffer.position()) > 0) {
        // positional reads: the channel's position is shared, so it is never moved
      }
      byte[] out = new byte[buffer.position()];
      buffer.flip().get(out);
      return out;
    }

    @Override
    public void close() {
      synchronized (OPEN) {
        if (closed) {
          return;
        }
        closed = true;
        if (--shared.references == 0) {
          OPEN.remove(shared.key);
          try {
            shared.channel.close();
          } catch (IOException e) {
            // nothing was written through it
          }
        }
      }
    }
  }

  private static final class Shared {
    final Object key;
    final Path realPath;
    final FileChannel channel;
    final boolean writable;
    int references;

    Shared(Object key, Path realPath, FileChannel channel, boolean writable) {
      this.key = key;
      this.realPath = realPath;
      this.channel = channel;
      this.writable = writable;
    }
  }

  /**
   * A handle on the existing file {@code db}.
   *
   * @throws IOException when it cannot be opened at all
   */
  static Handle open(Path db) throws IOException {
    Path real = db.toRealPath();
    Object key = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
    if (key == null) {
      key = real; // a file system without inode numbers: the real path is the identity
    }
    synchronized (OPEN) {
      Shared shared = OPEN.get(key);
      if (shared == null) {
        FileChannel channel;
        boolean writable = true;
        try {
          channel = FileChannel.open(real, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
          channel = FileChannel.open(real, StandardOpenOption.READ);
          writable = false;
        }
        shared = new Shared(key, real, channel, writable);
        OPEN.put(key, shared);
      }
      shared.references++;
      return new Handle(shared);
    }
  }
}
