package dev.cadence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The definitions of contract section 5 and docs/analytics.md, one at a time. */
class TouchCubeTest {
  @TempDir Path dir;

  @Test
  void anEmailOpenedFiveTimesIsOneOpenedTouch() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,intro,email,intro,EU,sent
        2026-03-02T10:00:00Z,L1,c,intro,email,intro,EU,opened
        2026-03-02T11:00:00Z,L1,c,intro,email,intro,EU,opened
        2026-03-03T10:00:00Z,L1,c,intro,email,intro,EU,opened
        2026-03-04T10:00:00Z,L1,c,intro,email,intro,EU,opened
        2026-03-05T10:00:00Z,L1,c,intro,email,intro,EU,opened
        2026-03-05T10:00:00Z,L1,c,intro,email,intro,EU,clicked
        """);
    assertThat(Logs.cells(a)).containsExactly("c/intro#1/-: t1 b0 o1 r0 x1");
    assertThat(Logs.findings(a)).isEmpty();
  }

  @Test
  void aBouncedTouchIsNotOpenedEvenWithAnOpenEvent() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,intro,email,intro,EU,sent
        2026-03-02T09:01:00Z,L1,c,intro,email,intro,EU,bounced
        2026-03-02T10:00:00Z,L1,c,intro,email,intro,EU,opened
        2026-03-02T09:00:00Z,L2,c,intro,email,intro,EU,sent
        2026-03-02T10:00:00Z,L2,c,intro,email,intro,EU,opened
        """);
    assertThat(Logs.cells(a)).containsExactly("c/intro#1/-: t2 b1 o1 r0 x2");
    assertThat(row(a, Rollups.OPEN_RATE_BY_REGION, 0)).isEqualTo("EU 2 1 1 1");
  }

  @Test
  void onlyRepliesAndConnectedCallsAreResponses() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,intro,email,intro,EU,sent
        2026-03-02T10:00:00Z,L1,c,intro,email,intro,EU,clicked
        2026-03-03T09:00:00Z,L1,c,call,call,,EU,called
        2026-03-03T09:05:00Z,L1,c,call,call,,EU,voicemail
        2026-03-04T09:00:00Z,L1,c,call-2,call,,EU,called
        2026-03-04T09:05:00Z,L1,c,call-2,call,,EU,connected
        2026-03-05T09:00:00Z,L1,c,social,social,connect,EU,sent
        2026-03-05T09:05:00Z,L1,c,social,social,connect,EU,replied
        """);
    assertThat(Logs.cells(a))
        .containsExactly(
            "c/call#2/1: t1 b0 o0 r0 x0",
            "c/call-2#3/1: t1 b0 o0 r1 x0",
            "c/intro#1/-: t1 b0 o0 r0 x0",
            "c/social#4/1: t1 b0 o0 r1 x1");
  }

  @Test
  void positionIsTheRankByInstantWhateverTheLineOrderAndOffsets() {
    // The same three touches, lines reversed, each written at another offset.
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-04T18:00:00-05:00,L1,c,third,email,t3,EU,sent
        2026-03-03T09:00:00+09:00,L1,c,second,call,,EU,called
        2026-03-02T10:00:00+01:00,L1,c,first,email,t1,EU,sent
        """);
    assertThat(Logs.cells(a))
        .containsExactly(
            "c/first#1/-: t1 b0 o0 r0 x0",
            "c/second#2/1: t1 b0 o0 r0 x0",
            "c/third#3/1: t1 b0 o0 r0 x1"); // 00:00Z on the 3rd, 23:00Z on the 4th
  }

  @Test
  void theGapCountsUtcDatesNotLocalOnes() {
    // 23:30 in New York on the 2nd is 04:30 UTC on the 3rd: one UTC day after a touch at 09:00Z on
    // the 2nd.
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,first,email,t1,EU,sent
        2026-03-02T23:30:00-05:00,L1,c,second,call,,EU,called
        2026-03-03T00:30:00+02:00,L1,c,third,call,,EU,called
        """);
    // The third is 22:30Z on the 2nd: it comes before the second, the same UTC day as the first.
    assertThat(Logs.cells(a))
        .containsExactly(
            "c/first#1/-: t1 b0 o0 r0 x0",
            "c/second#3/1: t1 b0 o0 r0 x1",
            "c/third#2/0: t1 b0 o0 r0 x0");
  }

  @Test
  void touchesAtTheSameInstantAreRankedByStepId() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,zeta,email,t,EU,sent
        2026-03-02T10:00:00+01:00,L1,c,alpha,call,,EU,called
        """);
    assertThat(Logs.cells(a))
        .containsExactly("c/alpha#1/-: t1 b0 o0 r0 x0", "c/zeta#2/0: t1 b0 o0 r0 x1");
  }

  @Test
  void aRepeatedTouchLineIsOneTouch() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,intro,email,t,EU,sent
        2026-03-02T10:00:00+01:00,L1,c,intro,email,t,EU,sent
        2026-03-03T09:00:00Z,L1,c,call,call,,EU,called
        """);
    assertThat(Logs.cells(a))
        .containsExactly("c/call#2/1: t1 b0 o0 r0 x1", "c/intro#1/-: t1 b0 o0 r0 x0");
    assertThat(Logs.findings(a)).containsExactly("duplicate-touch 1");
    assertThat(a.findings().get(0).examples().get(0).line()).isEqualTo(3);
  }

  @Test
  void inALoopAResponseBelongsToTheLatestVisitAtOrBeforeIt() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,ask,call,,EU,called
        2026-03-03T09:00:00Z,L1,c,wait,task,,EU,done
        2026-03-04T09:00:00Z,L1,c,ask,call,,EU,called
        2026-03-04T09:00:00Z,L1,c,ask,call,,EU,connected
        2026-03-02T09:10:00Z,L1,c,ask,call,,EU,no_answer
        """);
    // The connected call is the second visit (same instant counts as "at or before").
    assertThat(Logs.cells(a))
        .containsExactly(
            "c/ask#1/-: t1 b0 o0 r0 x0", "c/ask#3/1: t1 b0 o0 r1 x1", "c/wait#2/1: t1 b0 o0 r0 x0");
  }

  @Test
  void aResponseBeforeEveryTouchOfItsStepCountsOnTheFirstOneAndIsReported() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,intro,email,t,EU,sent
        2026-03-02T08:59:00Z,L1,c,intro,email,t,EU,replied
        """);
    assertThat(Logs.cells(a)).containsExactly("c/intro#1/-: t1 b0 o0 r1 x1");
    assertThat(Logs.findings(a)).containsExactly("response-before-touch 1");
    assertThat(a.findings().get(0).examples().get(0).line()).isEqualTo(3);
  }

  @Test
  void aResponseWithoutAnyTouchOfItsStepIsNotCountedButReported() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,intro,email,t,EU,sent
        2026-03-02T10:00:00Z,L1,c,other,email,t,EU,replied
        2026-03-02T10:00:00Z,L1,d,intro,email,t,EU,replied
        2026-03-02T10:00:00Z,L2,c,intro,email,t,EU,replied
        """);
    assertThat(Logs.cells(a)).containsExactly("c/intro#1/-: t1 b0 o0 r0 x1");
    assertThat(Logs.findings(a)).containsExactly("response-without-touch 3");
    assertThat(a.findings().get(0).examples())
        .extracting(DataQuality.Example::line)
        .containsExactly(3L, 4L, 5L);
  }

  @Test
  void eachCadenceOfALeadHasItsOwnPositionsAndExits() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,a,one,email,t,EU,sent
        2026-03-03T09:00:00Z,L1,b,one,email,t,EU,sent
        2026-03-04T09:00:00Z,L1,a,two,call,,EU,called
        """);
    assertThat(Logs.cells(a))
        .containsExactly(
            "a/one#1/-: t1 b0 o0 r0 x0", "a/two#2/2: t1 b0 o0 r0 x1", "b/one#1/-: t1 b0 o0 r0 x1");
    assertThat(a.summary().leads()).isEqualTo(1);
  }

  @Test
  void severalLogsAreReadAsOneWhateverTheSplitAndOrder() {
    List<String> lines = new ArrayList<>();
    Random random = new Random(3);
    for (int l = 0; l < 40; l++) {
      for (int s = 0; s < 4; s++) {
        String ts = "2026-03-0" + (2 + s) + "T0" + random.nextInt(10) + ":00:00Z";
        lines.add(ts + ",L" + l + ",c,s" + s + ",email,t" + (l % 3) + ",R" + (l % 2) + ",sent");
        if (random.nextBoolean()) {
          lines.add(
              ts.replace(":00:00Z", ":30:00Z")
                  + ",L"
                  + l
                  + ",c,s"
                  + s
                  + ",email,t"
                  + (l % 3)
                  + ",R"
                  + (l % 2)
                  + (random.nextBoolean() ? ",opened" : ",replied"));
        }
      }
    }
    Analysis whole =
        Logs.analyze(
            dir.resolve("..").resolve(dir.getFileName() + "-a").normalize().toFile().mkdirs()
                ? dir.resolveSibling(dir.getFileName() + "-a")
                : dir,
            String.join("\n", lines) + "\n");
    Collections.shuffle(lines, random);
    Path split = dir.resolveSibling(dir.getFileName() + "-b");
    split.toFile().mkdirs();
    Analysis parts =
        Logs.analyze(
            split,
            String.join("\n", lines.subList(0, 50)) + "\n",
            String.join("\n", lines.subList(50, 120)) + "\n",
            String.join("\n", lines.subList(120, lines.size())) + "\n");
    assertThat(Logs.cells(parts)).isEqualTo(Logs.cells(whole));
    assertThat(Logs.cells(whole)).hasSizeGreaterThan(8);
  }

  @Test
  void whereFiltersTouchesButKeepsTheirPositions() {
    Analysis a =
        Logs.analyze(
            dir,
            """
        2026-03-02T09:00:00Z,L1,c,one,email,t,EU,sent
        2026-03-03T09:00:00Z,L1,c,two,call,,EU,called
        """);
    TouchCube calls = a.cube().filter(CellFilter.parse(List.of("channel=call")));
    assertThat(calls.cells())
        .extracting(TouchCell::step, TouchCell::position)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("two", 2));
  }

  /** A table row as space-separated human values. */
  static String row(Analysis a, String table, int r) {
    ReportTable t = a.table(table);
    List<String> cells = new ArrayList<>();
    for (var c : t.table().columns()) {
      if (!c.name().equals(t.rate())
          && !c.name().equals(t.ciLow())
          && !c.name().equals(t.ciHigh())) {
        cells.add(c.getString(r));
      }
    }
    return String.join(" ", cells);
  }
}
