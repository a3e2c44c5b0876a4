package dev.cadence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderBatchesTest {
  @Test
  void resultsComeOutInInputOrderOnTheFeedingThreadWhateverTheWorkersTake() {
    List<Integer> out = new ArrayList<>();
    Thread feeder = Thread.currentThread();
    List<Thread> sinkThreads = new ArrayList<>();
    try (var batches =
        InOrderBatches.<Integer, Integer>perItem(
            7,
            3,
            i -> {
              if (i % 11 == 0) {
                Thread.onSpinWait(); // uneven work: later batches may finish first
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return i * 2;
            },
            r -> {
              out.add(r);
              sinkThreads.add(Thread.currentThread());
            })) {
      IntStream.range(0, 500).forEach(batches::accept);
    }
    assertThat(out).isEqualTo(IntStream.range(0, 500).map(i -> i * 2).boxed().toList());
    assertThat(sinkThreads).containsOnly(feeder);
  }

  @Test
  void aFailingItemFailsTheRunWithItsOwnException() {
    assertThatThrownBy(
            () -> {
              try (var batches =
                  InOrderBatches.<Integer, Integer>perItem(
                      4,
                      2,
                      i -> {
                        if (i == 9) {
                          throw new IllegalArgumentException("bad item " + i);
                        }
                        return i;
                      },
                      r -> {})) {
                IntStream.range(0, 20).forEach(batches::accept);
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad item 9");
  }
}
