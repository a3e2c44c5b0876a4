package dev.cadence.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one lead-list row as an immutable map, in column order: the column names and their
 * index are shared by every row of the list, so a row costs one array instead of a map of its own
 * (a million-lead list builds a million of them). {@link Lead} keeps it as it is.
 */
public final class LeadFields extends AbstractMap<String, String> {
  /** The field names of one list, and where each is in a row. */
  public static final class Columns {
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @throws IllegalArgumentException for a repeated name, as {@code Map.ofEntries} would
     */
    public Columns(List<String> names) {
      this.names = names.toArray(String[]::new);
      for (int i = 0; i < this.names.length; i++) {
        if (index.putIfAbsent(Objects.requireNonNull(this.names[i]), i) != null) {
          throw new IllegalArgumentException("duplicate field: " + this.names[i]);
        }
      }
    }

    /** The fields of a row with one value per column (copied; none may be null). */
    public LeadFields row(String[] values) {
      if (values.length != names.length) {
        throw new IllegalArgumentException(
            values.length + " values for " + names.length + " columns");
      }
      String[] copy = values.clone();
      for (String v : copy) {
        Objects.requireNonNull(v);
      }
      return new LeadFields(this, copy);
    }
  }

  private final Columns columns;
  private final String[] values;

  private LeadFields(Columns columns, String[] values) {
    this.columns = columns;
    this.values = values;
  }

  @Override
  public String get(Object key) {
    Integer i = columns.index.get(key);
    return i == null ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return columns.index.containsKey(key);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return Map.entry(columns.names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
