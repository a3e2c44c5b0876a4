package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.engine.Ending;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a tick reacts to each answer of the server, to suppressions, to the cap, to holds and to DST.
 */
class TickReactionsTest {
  static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  /** 09:05 in Paris on Monday 2 March 2026. */
  static final Instant OPEN = Instant.parse("2026-03-02T08:05:00Z");

  @TempDir Path dir;

  private TickHarness oneLead() throws Exception {
    TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY);
    h.enroll(List.of(TickHarness.lead("L-1", "ana@example.com", "Europe/Paris")), MONDAY);
    return h;
  }

  @Test
  void temporaryFailureIsRetriedAfterBackoffWithTheSameMessageId() throws Exception {
    try (TickHarness h = oneLead()) {
      h.sender.script(e -> new SendResult.Retry("451 try later"));
      TickReport first = h.tick(OPEN);
      assertThat(first.retried()).isEqualTo(1);
      assertThat(first.partial()).isTrue();
      SendRecord row = h.sends(SendState.RETRY).get(0);
      assertThat(row.nextAttempt()).contains(OPEN.plus(Duration.ofMinutes(5)));
      assertThat(h.enrollment("L-1").nextDue()).contains(OPEN.plus(Duration.ofMinutes(5)));

      h.sender.script(e -> new SendResult.Sent("250 OK"));
      assertThat(h.tick(OPEN.plus(Duration.ofMinutes(4))).sent()).isZero();
      TickReport later = h.tick(OPEN.plus(Duration.ofMinutes(6)));
      assertThat(later.sent()).isEqualTo(1);
      assertThat(later.partial()).isFalse();
      var handed = h.sender.handed();
      assertThat(handed).hasSize(2);
      assertThat(handed.get(0).messageId()).isEqualTo(handed.get(1).messageId());
      assertThat(h.sends(SendState.SENT))
          .singleElement()
          .satisfies(s -> assertThat(s.attempts()).isEqualTo(2));
      assertThat(h.logged).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo("sent"));
    }
  }

  @Test
  void retriesAreGivenUpAfterTheLastAttemptWithoutSuppressingTheAddress() throws Exception {
    try (TickHarness h = oneLead()) {
      h.sender.script(e -> new SendResult.Retry("451 try later"));
      Instant t = OPEN;
      for (int i = 0; i < TickOptions.MAX_ATTEMPTS; i++) {
        h.tick(t);
        t = t.plus(Duration.ofHours(7));
        t = t.isAfter(Instant.parse("2026-03-02T15:00:00Z")) ? t.plus(Duration.ofHours(17)) : t;
      }
      for (int i = 0; i < 40; i++) {
        h.tick(t.plus(Duration.ofHours(i)));
      }
      assertThat(h.sender.handed()).hasSize(TickOptions.MAX_ATTEMPTS);
      assertThat(h.sends(SendState.FAILED))
          .singleElement()
          .satisfies(s -> assertThat(s.detail()).startsWith("gave up after 8 attempts"));
      assertThat(h.suppression("L-1", "ana@example.com")).isEmpty();
    }
  }

  @Test
  void permanentRefusalSuppressesTheAddressAndEndsTheEnrollment() throws Exception {
    try (TickHarness h = oneLead()) {
      h.sender.script(e -> new SendResult.Failed("550 no such user"));
      TickReport r = h.tick(OPEN);
      assertThat(r.failed()).isEqualTo(1);
      assertThat(r.partial()).isFalse();
      assertThat(h.suppression("other", "ANA@example.com")).isPresent();
      StoredEnrollment e = h.enrollment("L-1");
      assertThat(e.state().ending()).map(Ending::kind).contains(Ending.Kind.SUPPRESSED);
      assertThat(e.nextDue()).isEmpty();
      for (int day = 0; day < 5; day++) {
        h.tick(OPEN.plus(Duration.ofDays(day)));
      }
      assertThat(h.sender.handed()).hasSize(1);
      // the same address under another lead id is suppressed at enroll
      Enroller.Summary again =
          h.enroll(List.of(TickHarness.lead("L-2", "ana@example.com", "Europe/Paris")), MONDAY);
      assertThat(again.suppressed).isEqualTo(1);
      assertThat(h.tick(OPEN.plus(Duration.ofDays(7))).sent()).isZero();
    }
  }

  @Test
  void refusedMessageFailsTheTouchButKeepsTheAddress() throws Exception {
    try (TickHarness h = oneLead()) {
      h.sender.script(e -> new SendResult.Failed("554 message refused", false));
      h.tick(OPEN);
      assertThat(h.sends(SendState.FAILED)).hasSize(1);
      assertThat(h.suppression("L-1", "ana@example.com")).isEmpty();
      h.tick(OPEN.plus(Duration.ofDays(1)));
      assertThat(h.sender.handed()).hasSize(1);
    }
  }

  @Test
  void inDoubtIsNeverResentAutomatically() throws Exception {
    try (TickHarness h = oneLead()) {
      h.sender.script(e -> new SendResult.InDoubt("timeout after DATA"));
      TickReport r = h.tick(OPEN);
      assertThat(r.inDoubt()).isEqualTo(1);
      assertThat(r.partial()).isTrue();
      h.sender.script(e -> new SendResult.Sent("250 OK"));
      for (int i = 1; i < 200; i++) {
        h.tick(OPEN.plus(Duration.ofMinutes(30L * i)));
      }
      assertThat(h.sender.handed()).hasSize(1);
      assertThat(h.sends(SendState.IN_DOUBT))
          .singleElement()
          .satisfies(s -> assertThat(s.detail()).contains("timeout"));
      assertThat(h.enrollment("L-1").nextDue()).isEmpty();
    }
  }

  @Test
  void unreachableServerStopsTheTickAndLeavesTheRestDue() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      h.enroll(
          List.of(
              TickHarness.lead("L-1", "a@example.com", "Europe/Paris"),
              TickHarness.lead("L-2", "b@example.com", "Europe/Paris"),
              TickHarness.lead("L-3", "c@example.com", "Europe/Paris")),
          MONDAY);
      h.sender.script(e -> new SendResult.Retry("connection refused", true));
      TickReport r = h.tick(OPEN);
      assertThat(r.stoppedSending()).isTrue();
      assertThat(r.partial()).isTrue();
      assertThat(h.sender.handed()).hasSize(1);
      h.sender.script(e -> new SendResult.Sent("250 OK"));
      assertThat(h.tick(OPEN.plus(Duration.ofMinutes(1))).sent()).isEqualTo(2);
      assertThat(h.tick(OPEN.plus(Duration.ofMinutes(6))).sent()).isEqualTo(1);
      assertThat(h.sends(SendState.SENT)).hasSize(3);
    }
  }

  @Test
  void unsubscribeBetweenSchedulingAndSendingWins() throws Exception {
    try (TickHarness h = oneLead()) {
      MessageComposer real = h.composer;
      // The composer runs after the claim and before `sending` is committed: an unsubscribe
      // recorded by
      // another process at that moment must stop the send.
      h.composer =
          (cadenceDir, template, fields) -> {
            h.store.write(
                tx -> {
                  tx.suppress(
                      new Suppression(
                          Suppression.Kind.LEAD, "L-1", "unsubscribed", h.clock.instant()));
                  return null;
                });
            return real.compose(cadenceDir, template, fields);
          };
      TickReport r = h.tick(OPEN);
      assertThat(r.sent()).isZero();
      assertThat(r.suppressed()).isEqualTo(1);
      assertThat(h.sender.handed()).isEmpty();
      assertThat(h.sends(SendState.CANCELLED))
          .singleElement()
          .satisfies(s -> assertThat(s.detail()).contains("unsubscribed"));
      assertThat(h.enrollment("L-1").state().ending())
          .map(Ending::kind)
          .contains(Ending.Kind.SUPPRESSED);
    }
  }

  @Test
  void dailyCapDefersTheRestToTheNextDay() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      List<dev.cadence.model.Lead> leads = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        leads.add(TickHarness.lead("L-" + i, "l" + i + "@example.com", "Europe/Paris"));
      }
      h.enroll(leads, MONDAY);
      h.options = new TickOptions("sales@northwind.example", Optional.of(2), Optional.empty());
      TickReport first = h.tick(OPEN);
      assertThat(first.sent()).isEqualTo(2);
      assertThat(first.deferredByCap()).isEqualTo(3);
      assertThat(h.tick(OPEN.plus(Duration.ofHours(2))).sent()).isZero();
      TickReport tuesday = h.tick(OPEN.plus(Duration.ofDays(1)));
      assertThat(tuesday.sent()).isEqualTo(2);
      assertThat(h.sends(SendState.SENT)).hasSize(4);
    }
  }

  @Test
  void placeholderTheLeadCannotFillHoldsTheTouchUntilItCan() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      h.enroll(
          List.of(
              new dev.cadence.model.Lead(
                  "L-1",
                  java.util.Map.of("id", "L-1", "email", "a@example.com"),
                  Optional.of(java.time.ZoneId.of("Europe/Paris")),
                  false,
                  0)),
          MONDAY);
      TickReport r = h.tick(OPEN);
      assertThat(r.held()).isEqualTo(1);
      assertThat(h.sender.handed()).isEmpty();
      assertThat(h.sends(SendState.HELD))
          .singleElement()
          .satisfies(s -> assertThat(s.detail()).contains("first_name"));
      Files.writeString(
          dir.resolve("templates/intro.md"), "---\nsubject: Hello\n---\nHello there.\n");
      h.composer =
          new dev.cadence.io.template
              .TemplateComposer(); // a new tick is a new process: templates read afresh
      assertThat(h.tick(OPEN.plus(Duration.ofMinutes(30))).sent()).isZero();
      assertThat(h.tick(OPEN.plus(Duration.ofMinutes(66))).sent()).isEqualTo(1);
      assertThat(h.sender.handed().get(0).subject()).isEqualTo("Hello");
    }
  }

  @Test
  void dstChangeMovesTheUtcSendTimeNotTheLocalOne() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      // Friday 27 March 2026 in Paris (CET, +01:00); day 2 is the Monday after the change to CEST
      // (+02:00).
      h.enroll(
          List.of(TickHarness.lead("L-1", "ana@example.com", "Europe/Paris")),
          LocalDate.of(2026, 3, 27));
      assertThat(h.tick(Instant.parse("2026-03-27T08:00:00Z")).sent()).isEqualTo(1); // 09:00 CET
      assertThat(h.tick(Instant.parse("2026-03-30T06:55:00Z")).sent()).isZero(); // 08:55 CEST
      assertThat(h.tick(Instant.parse("2026-03-30T07:00:00Z")).sent())
          .isEqualTo(1); // 09:00 CEST, not 08:00 UTC
    }
  }

  @Test
  void aTickAfterDowntimeSendsOneStepPerLeadAndWaitsOutsideTheWindow() throws Exception {
    try (TickHarness h = oneLead()) {
      // No tick all week: on Thursday evening (outside the window) nothing goes; Friday morning
      // only the first step.
      TickReport evening = h.tick(Instant.parse("2026-03-05T18:30:00Z"));
      assertThat(evening.sent()).isZero();
      assertThat(evening.outsideWindow()).isEqualTo(1);
      assertThat(h.enrollment("L-1").nextDue()).contains(Instant.parse("2026-03-06T08:00:00Z"));
      TickReport morning = h.tick(Instant.parse("2026-03-06T08:00:00Z"));
      assertThat(morning.sent()).isEqualTo(1);
      assertThat(h.tick(Instant.parse("2026-03-06T08:05:00Z")).sent())
          .isZero(); // min_gap 20h: not two the same day
      assertThat(h.enrollment("L-1").nextDue()).contains(Instant.parse("2026-03-09T08:00:00Z"));
    }
  }
}
