package dev.cadence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendOnlyListTest {
  @Test
  void appendingTwiceToTheSameListKeepsBothBranchesIntact() {
    AppendOnlyList<String> base = AppendOnlyList.<String>empty().plus("a").plus("b");
    AppendOnlyList<String> left = base.plus("left");
    AppendOnlyList<String> right = base.plus("right"); // the shared slot is taken: this one copies
    assertThat(base).containsExactly("a", "b");
    assertThat(left).containsExactly("a", "b", "left");
    assertThat(right).containsExactly("a", "b", "right");
    assertThat(left.plus("x")).containsExactly("a", "b", "left", "x");
    assertThat(right.plus("y")).containsExactly("a", "b", "right", "y");
    assertThat(left).containsExactly("a", "b", "left");
  }

  @Test
  void growsPastItsArrayAndEqualsAnyListWithTheSameElements() {
    List<Integer> expected = new ArrayList<>();
    AppendOnlyList<Integer> list = AppendOnlyList.empty();
    List<AppendOnlyList<Integer>> states = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      list = list.plus(i);
      expected.add(i);
      states.add(list);
    }
    assertThat(list)
        .isEqualTo(expected)
        .hasSameHashCodeAs(expected)
        .hasToString(expected.toString());
    for (int i = 0; i < states.size(); i++) {
      assertThat(states.get(i)).isEqualTo(expected.subList(0, i + 1));
    }
    assertThat(AppendOnlyList.plus(List.of(1, 2), 3)).containsExactly(1, 2, 3);
  }

  @Test
  void isImmutableAndRefusesNulls() {
    AppendOnlyList<String> list = AppendOnlyList.<String>empty().plus("a");
    assertThatThrownBy(() -> list.add("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.plus(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(AppendOnlyList.immutable(list)).isSameAs(list);
  }
}
