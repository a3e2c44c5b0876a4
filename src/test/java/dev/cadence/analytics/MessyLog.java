package dev.cadence.analytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of messy outcome logs: unsorted lines over two files with different column
 * orders and line ends, mixed offsets, repeated opens, duplicated touch lines, loops back to a
 * step, ties, responses before their touch or without one, unknown events, bad timestamps, quoted
 * commas, defused formula values, extra columns, empty regions.
 */
final class MessyLog {
  private static final String[] REGIONS = {"EMEA-FR", "EMEA-DE", "NA-EAST", "APAC", ""};
  private static final ZoneOffset[] OFFSETS = {
    ZoneOffset.ofHours(1),
    ZoneOffset.ofHours(-5),
    ZoneOffset.ofHours(8),
    ZoneOffset.UTC,
    ZoneOffset.ofHoursMinutes(5, 30),
    ZoneOffset.ofHours(-10)
  };
  private static final String[][] CAD_A = {
    {"intro", "email", "intro"},
    {"check-call", "call", ""},
    {"follow-up", "email", "follow, up"},
    {"connect", "social", "connect"},
    {"third-email", "email", "=third"},
    {"last-call", "call", ""}
  };
  private static final String[][] CAD_B = {
    {"re-intro", "email", "re-intro"}, {"re-call", "call", ""}, {"re-task", "task", ""}
  };

  private final Random random;
  private final List<String[]> rows =
      new ArrayList<>(); // timestamp, lead, cadence, step, channel, template, region, event, note

  private MessyLog(long seed) {
    random = new Random(seed);
  }

  /** Writes the log as two files in {@code dir}; returns them. */
  static List<Path> write(Path dir, long seed, int leads) throws IOException {
    MessyLog log = new MessyLog(seed);
    for (int l = 0; l < leads; l++) {
      log.lead(l);
    }
    Collections.shuffle(log.rows, log.random);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    a.add("timestamp,lead_id,cadence,step,channel,template,region,event,note");
    b.add("event,region,note,template,channel,step,cadence,lead_id,timestamp");
    for (String[] r : log.rows) {
      if (log.random.nextBoolean()) {
        a.add(
            String.join(
                ",",
                cell(r[0]),
                cell(r[1]),
                cell(r[2]),
                cell(r[3]),
                cell(r[4]),
                cell(r[5]),
                cell(r[6]),
                cell(r[7]),
                cell(r[8])));
      } else {
        b.add(
            String.join(
                ",",
                cell(r[7]),
                cell(r[6]),
                cell(r[8]),
                cell(r[5]),
                cell(r[4]),
                cell(r[3]),
                cell(r[2]),
                cell(r[1]),
                cell(r[0])));
      }
    }
    Path fa = dir.resolve("messy-a.csv");
    Path fb = dir.resolve("messy-b.csv");
    Files.writeString(fa, String.join("\n", a) + "\n", StandardCharsets.UTF_8);
    Files.writeString(fb, "\uFEFF" + String.join("\r\n", b) + "\r\n", StandardCharsets.UTF_8);
    return List.of(fa, fb);
  }

  /** A CSV cell as the writer makes it: formulas defused, quoted when needed. */
  static String cell(String v) {
    boolean defuse = !v.isEmpty() && "=+-@'".indexOf(v.charAt(0)) >= 0;
    String s = defuse ? "'" + v : v;
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private void lead(int l) {
    String id = (l % 17 == 0 ? "-L" : "L") + l;
    String region = REGIONS[random.nextInt(REGIONS.length)];
    ZoneOffset offset = OFFSETS[random.nextInt(OFFSETS.length)];
    long t =
        Instant.parse("2026-03-02T08:00:00Z").getEpochSecond()
            + random.nextInt(20) * 86_400L
            + random.nextInt(8 * 3600);
    t = cadence(id, "cad-a", CAD_A, region, offset, t);
    if (random.nextInt(3) == 0) {
      cadence(id, "cad-b", CAD_B, region, offset, t + 86_400L * (1 + random.nextInt(5)));
    }
  }

  private long cadence(
      String id, String cadence, String[][] steps, String region, ZoneOffset offset, long t) {
    int stop = 1 + random.nextInt(steps.length);
    for (int s = 0; s < stop; s++) {
      String[] step = steps[s];
      touch(id, cadence, step, region, offset, t);
      if (random.nextInt(20) == 0) { // a tie: another step touched at the same instant
        String[] other = steps[random.nextInt(steps.length)];
        if (other != step) {
          touch(id, cadence, other, region, offset, t);
        }
      }
      if (s > 0 && random.nextInt(12) == 0) { // a loop back to an earlier step
        long back = t + 3600L * (1 + random.nextInt(30));
        touch(id, cadence, steps[random.nextInt(s)], region, offset, back);
      }
      t += random.nextInt(5) * 86_400L + random.nextInt(6 * 3600) - 3 * 3600;
    }
    if (random.nextInt(40) == 0) { // a response to a step never touched
      add(t, offset, id, cadence, "ghost-step", "email", "", region, "replied");
    }
    return t;
  }

  private void touch(
      String id, String cadence, String[] step, String region, ZoneOffset offset, long t) {
    String channel = step[1];
    String template = step[2];
    String touchEvent =
        switch (channel) {
          case "call" -> "called";
          case "task" -> "done";
          default -> "sent";
        };
    add(t, offset, id, cadence, step[0], channel, template, region, touchEvent);
    if (random.nextInt(30) == 0) { // the same touch logged twice
      add(t, offset, id, cadence, step[0], channel, template, region, touchEvent);
    }
    List<String> responses = new ArrayList<>();
    switch (channel) {
      case "email" -> {
        int opens = random.nextInt(10) < 4 ? 1 + random.nextInt(4) : 0;
        for (int i = 0; i < opens; i++) {
          responses.add("opened");
        }
        if (random.nextInt(15) == 0) {
          responses.add("bounced");
        }
        if (random.nextInt(8) == 0) {
          responses.add("replied");
        }
        if (opens > 0 && random.nextBoolean()) {
          responses.add("clicked");
        }
      }
      case "call" ->
          responses.add(
              random.nextInt(4) == 0
                  ? "connected"
                  : random.nextBoolean() ? "no_answer" : "voicemail");
      case "social" -> {
        if (random.nextBoolean()) {
          responses.add("accepted");
        }
        if (random.nextInt(6) == 0) {
          responses.add("replied");
        }
      }
      default -> {
        if (random.nextInt(5) == 0) {
          responses.add("interested");
        }
      }
    }
    if (random.nextInt(50) == 0) {
      responses.add("opnd"); // unknown event
    }
    for (String event : responses) {
      long at = t + random.nextInt(3 * 86_400);
      if (random.nextInt(25) == 0) {
        at = t - 60 - random.nextInt(3600); // logged before its touch (clock skew)
      }
      add(at, offset, id, cadence, step[0], channel, template, region, event);
    }
  }

  private void add(
      long t,
      ZoneOffset offset,
      String id,
      String cadence,
      String step,
      String channel,
      String template,
      String region,
      String event) {
    String ts;
    int pick = random.nextInt(100);
    if (pick < 2) {
      ts = pick == 0 ? "2026-13-02T09:00:00+01:00" : "yesterday";
    } else {
      ZoneOffset z =
          random.nextInt(6) == 0 ? ZoneOffset.UTC : offset; // the same lead, other offsets
      String pattern =
          random.nextInt(10) == 0 ? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" : "yyyy-MM-dd'T'HH:mm:ssXXX";
      ts = DateTimeFormatter.ofPattern(pattern).format(Instant.ofEpochSecond(t).atOffset(z));
    }
    String note = random.nextInt(10) == 0 ? "said \"call me\", later" : "";
    rows.add(new String[] {ts, id, cadence, step, channel, template, region, event, note});
  }
}
