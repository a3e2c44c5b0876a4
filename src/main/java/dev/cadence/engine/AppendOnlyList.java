package dev.cadence.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An immutable list that grows by one in O(1): {@link #plus} returns a longer list sharing this
 * one's array, so an enrollment's touches are not copied at every event (plan and simulate add ~10
 * million of them). A list never sees slots beyond its size; the first list to append after a given
 * size claims the next slot, and any later append from the same list (an older state appended to
 * again) copies instead. The claim is atomic, so states may be shared between threads.
 */
final class AppendOnlyList<E> extends AbstractList<E> implements RandomAccess {
  private static final AppendOnlyList<Object> EMPTY =
      new AppendOnlyList<>(new Store(new Object[0], 0), 0);

  /**
   * The array shared by the lists grown from one another; {@code claimed}: slots some list owns.
   */
  private static final class Store {
    final Object[] items;
    final AtomicInteger claimed;

    Store(Object[] items, int claimed) {
      this.items = items;
      this.claimed = new AtomicInteger(claimed);
    }
  }

  private final Store store;
  private final int size;

  private AppendOnlyList(Store store, int size) {
    this.store = store;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <E> AppendOnlyList<E> empty() {
    return (AppendOnlyList<E>) EMPTY;
  }

  /**
   * {@code list} itself if it is immutable already (this kind or the JDK's), else an immutable
   * copy.
   */
  static <E> List<E> immutable(List<E> list) {
    return list instanceof AppendOnlyList ? list : List.copyOf(list);
  }

  /** {@code list} with {@code item} appended (no copy of {@code list} when it is of this kind). */
  static <E> AppendOnlyList<E> plus(List<E> list, E item) {
    if (list instanceof AppendOnlyList<E> a) {
      return a.plus(item);
    }
    Object[] items = Arrays.copyOf(list.toArray(), Math.max(8, list.size() * 2));
    items[list.size()] = Objects.requireNonNull(item);
    for (int i = 0; i < list.size(); i++) {
      Objects.requireNonNull(items[i]); // as List.copyOf: no nulls
    }
    return new AppendOnlyList<>(new Store(items, list.size() + 1), list.size() + 1);
  }

  AppendOnlyList<E> plus(E item) {
    Objects.requireNonNull(item);
    if (size < store.items.length && store.claimed.compareAndSet(size, size + 1)) {
      // The slot is ours; the new list's final fields publish the write along with it.
      store.items[size] = item;
      return new AppendOnlyList<>(store, size + 1);
    }
    Object[] items = Arrays.copyOf(store.items, Math.max(8, size * 2));
    Arrays.fill(items, size, items.length, null);
    items[size] = item;
    return new AppendOnlyList<>(new Store(items, size + 1), size + 1);
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    Objects.checkIndex(index, size);
    return (E) store.items[index];
  }

  @Override
  public int size() {
    return size;
  }

  /** The last element; the list must not be empty. */
  @SuppressWarnings("unchecked")
  E last() {
    return (E) store.items[size - 1];
  }
}
