package dev.cadence.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files a SQLite state store is made of (the database, SQLite's {@code -wal}, {@code -shm} and
 * {@code -journal}, and the run lock beside it), and whether a path a command is about to write is
 * one of them, however it is spelled: relative, through {@code ./} or {@code ..}, through a
 * symbolic link, or as a hard link.
 */
public final class StoreFiles {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final List<String> SUFFIXES = List.of("-wal", "-shm", "-journal", ".lock");

  private StoreFiles() {}

  /**
   * Why writing {@code out} would destroy a store, if it would: it is the store {@code db} or one
   * of its files, or any SQLite database or a file of one.
   */
  public static Optional<String> clash(Path out, Optional<Path> db) {
    Path target = canonical(out);
    if (db.isPresent()) {
      Path store = canonical(db.get());
      if (sameFile(target, store)) {
        return Optional.of("the state store " + db.get());
      }
      for (String suffix : SUFFIXES) {
        Path part = store.resolveSibling(store.getFileName() + suffix);
        if (sameFile(target, part)) {
          return Optional.of(part.getFileName() + ", a file of the state store " + db.get());
        }
      }
    }
    if (isDatabase(target)) {
      return Optional.of("a SQLite database");
    }
    String name = target.getFileName() == null ? "" : target.getFileName().toString();
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        Path base = target.resolveSibling(name.substring(0, name.length() - suffix.length()));
        if (isDatabase(base)) {
          return Optional.of("a file of the SQLite database " + base);
        }
      }
    }
    return Optional.empty();
  }

  /** True when {@code file} is a regular file that starts like a SQLite database. */
  static boolean isDatabase(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The path with every link and {@code .}/{@code ..} resolved; for a file that does not exist yet,
   * its folder's real path and its name (a dangling link is followed to where it would write).
   */
  static Path canonical(Path path) {
    Path p = path.toAbsolutePath().normalize();
    for (int hops = 0; hops < 40; hops++) {
      if (Files.exists(p)) {
        try {
          return p.toRealPath();
        } catch (IOException e) {
          return p;
        }
      }
      if (!Files.isSymbolicLink(p)) {
        break;
      }
      try {
        p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
      } catch (IOException e) {
        break;
      }
    }
    Path parent = p.getParent();
    return parent == null || p.getFileName() == null
        ? p
        : canonical(parent).resolve(p.getFileName());
  }

  /** Same real path, or (both existing) the same file under two names. */
  private static boolean sameFile(Path a, Path b) {
    if (a.equals(b)) {
      return true;
    }
    if (!Files.exists(a) || !Files.exists(b)) {
      return false;
    }
    try {
      Object ka =
          Files.readAttributes(a, "basic:fileKey", LinkOption.NOFOLLOW_LINKS).get("fileKey");
      Object kb =
          Files.readAttributes(b, "basic:fileKey", LinkOption.NOFOLLOW_LINKS).get("fileKey");
      return ka != null && Objects.equals(ka, kb);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
