package dev.cadence.io.yaml;

import dev.cadence.model.Pos;
import java.util.List;
import java.util.Optional;

/** A YAML node that remembers where it was written. Only plain data: mappings, lists, scalars. */
public sealed interface YNode {
  Pos pos();

  /** What the node is, for messages ("a mapping", "a list", "text"). */
  String kind();

  /** A key and its value in a mapping. */
  record Entry(YScalar key, YNode value) {}

  record YMap(List<Entry> entries, Pos pos) implements YNode {
    public YMap {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      return Optional.ofNullable(find(key));
    }

    /** The value under {@code key}, or null when there is none. */
    public YNode get(String key) {
      Entry e = find(key);
      return e == null ? null : e.value();
    }

    // A loop, not a stream: the binders look keys up a few hundred times per file, at each start.
    private Entry find(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return e;
        }
      }
      return null;
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  record YSeq(List<YNode> items, Pos pos) implements YNode {
    public YSeq {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar as written. {@code plain} scalars (unquoted) may be null, numbers or booleans; quoted
   * ones are always text. Keeping the raw text avoids YAML 1.1 surprises (NO read as false).
   */
  record YScalar(String text, boolean plain, Pos pos) implements YNode {
    public boolean isNull() {
      return plain
          && (text.isEmpty()
              || text.equals("~")
              || text.equals("null")
              || text.equals("Null")
              || text.equals("NULL"));
    }

    @Override
    public String kind() {
      return isNull() ? "null" : "text";
    }
  }
}
