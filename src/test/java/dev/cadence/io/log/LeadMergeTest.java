package dev.cadence.io.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LeadMergeTest {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  @Test
  void theSameLeadGetsTheSameDenseIdInEveryDictionaryWhateverTheNumberOfShares() {
    Random random = new Random(11);
    List<ByteInterner> dictionaries = new ArrayList<>();
    List<List<String>> names = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (int d = 0; d < 4; d++) {
      ByteInterner dict = new ByteInterner();
      List<String> inOrder = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        String lead =
            "L" + random.nextInt(9_000) + (random.nextInt(10) == 0 ? "-a-longer-crm-id-é" : "");
        byte[] b = lead.getBytes(StandardCharsets.UTF_8);
        if (dict.intern(b, 0, b.length) == inOrder.size()) {
          inOrder.add(lead);
        }
        distinct.add(lead);
      }
      dictionaries.add(dict);
      names.add(inOrder);
    }
    for (int parts = 1; parts <= 3; parts++) {
      LeadMerge.Merged merged = LeadMerge.merge(dictionaries, parts, POOL);
      assertThat(merged.size()).as("parts " + parts).isEqualTo(distinct.size());
      Map<String, Integer> idOf = new HashMap<>();
      for (int d = 0; d < dictionaries.size(); d++) {
        for (int l = 0; l < names.get(d).size(); l++) {
          int id = merged.ids()[d][l];
          assertThat(id).isBetween(0, merged.size() - 1);
          Integer before = idOf.putIfAbsent(names.get(d).get(l), id);
          assertThat(before == null ? id : before).as(names.get(d).get(l)).isEqualTo(id);
        }
      }
      assertThat(new HashSet<>(idOf.values()))
          .as("one id per lead, parts " + parts)
          .hasSize(distinct.size());
    }
  }

  @Test
  void sharesSplitHashesEvenly() {
    int[] counts = new int[2];
    for (int h = 0; h < 1 << 16; h++) {
      counts[
          LeadMerge.share(
              ByteInterner.hash(("L" + h).getBytes(StandardCharsets.UTF_8), 0, ("L" + h).length()),
              2)]++;
    }
    assertThat(counts[0]).isBetween(30_000, 35_536);
  }
}
