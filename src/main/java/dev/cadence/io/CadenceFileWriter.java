package dev.cadence.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rewrites cadence files the way a careful editor saves them ({@code recommend --apply}): through a
 * symbolic link into the file it names (the link stays a link); keeping the file's mode, owner and
 * group; never a file that is read-only. Each new text is written in full under a hidden name
 * beside its file and then moved over it, so a file is never half-written, and every new text is
 * written before any file is replaced: a file that cannot be rewritten stops them all, with nothing
 * changed.
 *
 * <p>A temporary file is removed if the process is stopped ({@code kill}, Ctrl-C); one left by a
 * process killed outright ({@code kill -9}) is removed by the next rewrite of that file. Each is
 * locked while its writer lives, so a rewrite running at the same time is never disturbed.
 */
public final class CadenceFileWriter {
  private static final String SUFFIX = ".cadence-tmp";

  /** A file that cannot be rewritten as it is; the message says why and what to do. */
  public static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  private CadenceFileWriter() {}

  /** Replaces each file's content by its new text (keys as the user spelled them). */
  public static void replaceAll(Map<Path, byte[]> texts) throws IOException {
    List<Staged> staged = new CopyOnWriteArrayList<>();
    Thread cleanup = new Thread(() -> staged.forEach(Staged::discard), "cadence-file-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      for (Map.Entry<Path, byte[]> t : texts.entrySet()) {
        try {
          staged.add(stage(t.getKey(), t.getValue()));
        } catch (Refused e) {
          throw e;
        } catch (IOException e) {
          throw new Refused(t.getKey() + ": " + reason(e));
        }
      }
      for (Staged s : staged) {
        s.commit();
      }
    } finally {
      staged.forEach(Staged::discard); // those not moved into place
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  /** A new text written beside the real file, with its attributes, locked until moved or gone. */
  private static final class Staged {
    final Path real;
    final Path temp;
    final FileChannel channel;
    volatile boolean done;

    Staged(Path real, Path temp, FileChannel channel) {
      this.real = real;
      this.temp = temp;
      this.channel = channel;
    }

    void commit() throws IOException {
      try {
        Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      channel.close(); // releases the lock, now on the file itself
      syncFolder(real.getParent());
    }

    void discard() {
      if (done) {
        return;
      }
      done = true;
      try {
        Files.deleteIfExists(temp); // before the lock goes: no sweeper takes a live file
        channel.close();
      } catch (IOException e) {
        // best effort: the next rewrite of this file removes it
      }
    }
  }

  private static Staged stage(Path file, byte[] text) throws IOException {
    Path real = file.toRealPath(); // through links: the link stays, the file it names changes
    Path dir = real.getParent();
    sweep(dir, real.getFileName().toString());
    boolean posix =
        Files.getFileStore(real).supportsFileAttributeView(PosixFileAttributeView.class);
    PosixFileAttributes attrs =
        posix ? Files.readAttributes(real, PosixFileAttributes.class) : null;
    if (!Files.isWritable(real) || (attrs != null && !anyWrite(attrs.permissions()))) {
      throw new Refused(
          file
              + " is read-only"
              + (attrs == null
                  ? ""
                  : " (" + PosixFilePermissions.toString(attrs.permissions()) + ")")
              + "; make it writable to apply the change, or apply the --dry-run diff by hand");
    }
    if (links(real) > 1) {
      throw new Refused(
          file
              + " has "
              + links(real)
              + " hard links, which replacing it would split; apply the --dry-run diff by hand");
    }
    Path temp =
        dir.resolve(
            "."
                + real.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + SUFFIX);
    FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Staged staged = new Staged(real, temp, channel);
    try {
      channel.lock(); // held until the file is moved into place or removed
      ByteBuffer bytes = ByteBuffer.wrap(text);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
      if (attrs != null) {
        keep(file, attrs, Files.getFileAttributeView(temp, PosixFileAttributeView.class));
      }
      return staged;
    } catch (IOException | RuntimeException e) {
      staged.discard();
      throw e;
    }
  }

  /** Gives the new file the old one's owner, group and mode, or refuses. */
  private static void keep(Path file, PosixFileAttributes old, PosixFileAttributeView view)
      throws IOException {
    PosixFileAttributes now = view.readAttributes();
    try {
      if (!now.owner().equals(old.owner())) {
        view.setOwner(old.owner());
      }
      if (!now.group().equals(old.group())) {
        view.setGroup(old.group());
      }
    } catch (IOException e) {
      throw new Refused(
          file
              + " belongs to "
              + old.owner().getName()
              + ":"
              + old.group().getName()
              + ", which a file written by this user cannot keep; run as its owner, or apply the"
              + " --dry-run diff by hand");
    }
    view.setPermissions(old.permissions()); // after the owner: changing it may clear bits
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException a) {
      return "permission denied"
          + (a.getFile() != null && a.getFile().endsWith(SUFFIX)
              ? " in its folder (a new version is written beside the file, then moved over it)"
              : "");
    }
    return String.valueOf(e.getMessage());
  }

  /** How many names the file has (1 where the platform does not say). */
  private static int links(Path real) {
    try {
      return ((Number) Files.getAttribute(real, "unix:nlink")).intValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1;
    }
  }

  private static boolean anyWrite(Set<PosixFilePermission> permissions) {
    return permissions.contains(PosixFilePermission.OWNER_WRITE)
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /**
   * Removes what a rewrite of {@code name} killed outright left: its temporary files that no live
   * process holds locked.
   */
  private static void sweep(Path dir, String name) {
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + name + ".*" + SUFFIX)) {
      s.forEach(candidates::add);
    } catch (IOException e) {
      return; // nothing to sweep, or a folder we cannot list: writing will say so
    }
    for (Path p : candidates) {
      try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
        FileLock lock = ch.tryLock();
        if (lock != null) { // no writer holds it: its process is gone
          Files.deleteIfExists(p);
        }
      } catch (IOException | OverlappingFileLockException e) {
        // gone already, or held by a rewrite in this process
      }
    }
  }

  /** Makes the move itself durable; not every platform can open a folder, which is fine. */
  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // the move happened; only its durability across a power cut is less certain
    }
  }
}
