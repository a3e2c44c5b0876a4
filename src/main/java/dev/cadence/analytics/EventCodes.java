package dev.cadence.analytics;

import dev.cadence.model.Channel;
import dev.cadence.model.Outcomes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome log's events (contract section 4) as small codes, so that millions of events fit in a
 * byte each: the touch events first, then every response event.
 */
public final class EventCodes {
  /** Touch events: one touch each. */
  public static final List<String> TOUCHES = List.of("sent", "called", "done", "requested");

  private static final String[] NAMES;
  private static final Map<String, Byte> CODES = new HashMap<>();

  /** A touch with this event was opened / bounced / responded (contract section 5). */
  public static final int OPENED = 1;

  public static final int BOUNCED = 2;
  public static final int RESPONDED = 4;
  private static final int[] FLAGS;

  static {
    List<String> responses = List.copyOf(Outcomes.all());
    NAMES = new String[TOUCHES.size() + responses.size()];
    int i = 0;
    for (String t : TOUCHES) {
      NAMES[i++] = t;
    }
    for (String r : responses) {
      NAMES[i++] = r;
    }
    if (NAMES.length > 32) {
      throw new IllegalStateException("event codes must fit in 5 bits (the log reader packs them)");
    }
    FLAGS = new int[NAMES.length];
    for (int c = 0; c < NAMES.length; c++) {
      CODES.put(NAMES[c], (byte) c);
      FLAGS[c] =
          switch (NAMES[c]) {
            case "opened" -> OPENED;
            case "bounced" -> BOUNCED;
            case "replied", "connected" -> RESPONDED;
            default -> 0;
          };
    }
  }

  private EventCodes() {}

  public static int count() {
    return NAMES.length;
  }

  public static Optional<Byte> code(String event) {
    return Optional.ofNullable(CODES.get(event));
  }

  public static String name(int code) {
    return NAMES[code];
  }

  public static boolean isTouch(int code) {
    return code < TOUCHES.size();
  }

  /** {@link #OPENED}, {@link #BOUNCED} and/or {@link #RESPONDED} for a response event, else 0. */
  public static int flags(int code) {
    return FLAGS[code];
  }

  /**
   * True if a step on {@code channel} (a log's name for it) can log {@code code}; unknown channels
   * can't.
   */
  public static boolean fits(String channel, int code) {
    Optional<Channel> c = Channel.fromYaml(channel);
    if (c.isEmpty()) {
      return false;
    }
    String name = NAMES[code];
    return isTouch(code) ? c.get().touchEvent().equals(name) : c.get().canProduce(name);
  }
}
