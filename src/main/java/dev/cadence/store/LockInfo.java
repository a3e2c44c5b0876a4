package dev.cadence.store;

import dev.cadence.live.RunHolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code DB.lock}, beside the store: lines of {@code key value} that the tick holding the run lock
 * writes ({@code pid}, {@code since}, {@code limit}). Information only: the lock itself is on the
 * database file, so a deleted or garbled file changes nothing but the messages. A file of an older
 * version (the pid alone) still reads.
 */
final class LockInfo {
  private LockInfo() {}

  /** The pairs in {@code file}; empty when there is no file or it cannot be read. */
  static Map<String, String> read(Path file) {
    Map<String, String> pairs = new LinkedHashMap<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return pairs;
    } catch (IOException | RuntimeException e) {
      return pairs;
    }
    for (String line : text.split("\n")) {
      String l = line.strip();
      int space = l.indexOf(' ');
      if (space > 0) {
        pairs.put(l.substring(0, space), l.substring(space + 1).strip());
      } else if (l.matches("[0-9]+")) {
        pairs.put("pid", l); // written by an older version
      }
    }
    return pairs;
  }

  /** Writes {@code pairs} over {@code file} (no fsync: it only has to outlive this process). */
  static void write(Path file, Map<String, String> pairs) {
    StringBuilder text = new StringBuilder();
    pairs.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.IO, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void putHolder(Map<String, String> pairs, RunHolder holder) {
    pairs.remove("pid");
    pairs.remove("since");
    pairs.remove("limit");
    holder.pid().ifPresent(p -> pairs.put("pid", Long.toString(p)));
    holder.since().ifPresent(s -> pairs.put("since", s.toString()));
    holder.limit().ifPresent(l -> pairs.put("limit", l.toString()));
  }

  static Optional<RunHolder> holder(Map<String, String> pairs) {
    Optional<Long> pid = parse(pairs.get("pid"), Long::valueOf);
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RunHolder(
            pid,
            parse(pairs.get("since"), Instant::parse),
            parse(pairs.get("limit"), Duration::parse)));
  }

  private static <T> Optional<T> parse(String text, Function<String, T> f) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(f.apply(text));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
