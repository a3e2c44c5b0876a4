import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores `cadence inbox --dry-run --format json` against a corpus's expect.json (one row per failed
 * recipient: status, reply code, reason, hard bounce, feedback type). Run by bench/inbox-corpus.sh:
 * java bench/InboxCorpusScore.java EXPECT OURS (JDK only).
 *
 * <p>Rules (the corpus README's): a row reason other than vacation, feedback, delivered (and not an
 * empty list) means kind bounce with that many failed addresses; class hard exactly when the row
 * says hard bounce (rows are matched as counts of hard and not-hard, since rows name no address; a
 * bounce we missed disagrees on every row); vacation means auto_reply, feedback complaint;
 * delivered and [] must never be bounce.
 */
@SuppressWarnings("unchecked")
public class InboxCorpusScore {
  public static void main(String[] args) throws Exception {
    JsonNode expect = JsonNode.parse(Files.readString(Path.of(args[0])));
    Map<String, JsonNode> ours = new LinkedHashMap<>();
    for (JsonNode r : JsonNode.parse(Files.readString(Path.of(args[1])))) {
      String source = r.get("source").asText();
      ours.put(source.substring(source.lastIndexOf('/') + 1), r);
    }
    int bounces = 0, detected = 0, oneAddress = 0, allAddresses = 0, rows = 0, agree = 0;
    int vacations = 0, autoReplies = 0, feedbacks = 0, complaints = 0;
    int notBounces = 0, falseBounces = 0, missing = 0, delays = 0;
    List<String> misjudged = new ArrayList<>();
    for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
      String file = it.next();
      JsonNode want = expect.get(file);
      JsonNode got = ours.get(file);
      if (got == null) {
        missing++;
        misjudged.add(file + ": not in the output");
        continue;
      }
      String kind = got.get("kind").asText();
      String reason = want.size() == 0 ? "[]" : want.get(0).get(2).asText();
      List<String> problems = new ArrayList<>();
      if (want.size() == 0 || reason.equals("delivered")) {
        notBounces++;
        if (kind.equals("bounce")) {
          falseBounces++;
          problems.add("FALSE BOUNCE");
        }
      } else if (reason.equals("vacation")) {
        vacations++;
        if (kind.equals("auto_reply")) autoReplies++;
        else problems.add("auto-reply missed");
      } else if (reason.equals("feedback")) {
        feedbacks++;
        if (kind.equals("complaint")) complaints++;
        else problems.add("complaint missed");
      } else {
        bounces++;
        int expectedHard = 0;
        for (JsonNode row : want) if (row.get(3).asBoolean()) expectedHard++;
        int expectedSoft = want.size() - expectedHard;
        rows += want.size();
        if (!kind.equals("bounce")) {
          if (kind.equals("delivery_report")) delays++;
          problems.add(
              kind.equals("delivery_report")
                  ? "bounce missed (we read a delay report)"
                  : "bounce missed");
          agree += expectedSoft; // nothing is suppressed: not-hard on every row
          if (expectedHard > 0) problems.add("hard/not-hard disagrees");
        } else {
          detected++;
          JsonNode recipients = got.get("recipients");
          int n = recipients.size();
          int hard = 0;
          for (JsonNode r : recipients) if (r.get("class").asText().equals("hard")) hard++;
          if (n >= 1) oneAddress++;
          if (n >= 1 && n == want.size()) allAddresses++;
          else problems.add(n + " addresses for " + want.size() + " rows");
          // rows beyond the addresses we found suppress nothing: they count as not-hard
          int notHard = n - hard + Math.max(0, want.size() - n);
          int a = Math.min(hard, expectedHard) + Math.min(notHard, expectedSoft);
          agree += a;
          if (a < want.size()) problems.add("hard/not-hard disagrees");
        }
      }
      if (!problems.isEmpty()) {
        misjudged.add(describe(file, got, want, problems));
      }
    }
    System.out.printf(
        "messages: %d (%d in expect.json not found in the output)%n", ours.size(), missing);
    rate("bounce detection", detected, bounces);
    rate("bounce detection, delay warnings left out", detected, bounces - delays);
    System.out.printf(
        "  (%d expected bounces are delay warnings, which inbox reports as delivery_report)%n",
        delays);
    rate("failed address found, of bounces detected", oneAddress, detected);
    rate("one address per expected row, of bounces detected", allAddresses, detected);
    rate("hard/not-hard agreement (per recipient row)", agree, rows);
    rate("auto-replies recognised", autoReplies, vacations);
    rate("complaints recognised", complaints, feedbacks);
    System.out.printf(
        "false bounces (delivered DSNs and not-bounces called bounce): %d of %d%n",
        falseBounces, notBounces);
    System.out.println();
    System.out.println("misjudged (" + misjudged.size() + "):");
    misjudged.forEach(m -> System.out.println("  " + m));
  }

  private static void rate(String what, int n, int of) {
    System.out.printf(
        "%-50s %5.1f%%  (%d of %d)%n", what + ":", of == 0 ? 100.0 : 100.0 * n / of, n, of);
  }

  private static String describe(String file, JsonNode got, JsonNode want, List<String> problems) {
    StringBuilder s =
        new StringBuilder(
            file
                + ": "
                + String.join(", ", problems)
                + "\n      ours: "
                + got.get("kind").asText());
    for (JsonNode r : got.get("recipients")) {
      s.append(" ")
          .append(r.get("address").asText())
          .append("/")
          .append(r.get("status").asText())
          .append("/")
          .append(r.get("class").asText());
    }
    s.append("\n      reason: ").append(got.get("reason").asText());
    s.append("\n      expected:");
    for (JsonNode row : want) {
      s.append(" ")
          .append(row.get(0).asText())
          .append("/")
          .append(row.get(2).asText())
          .append(row.get(3).asBoolean() ? "/hard" : "");
    }
    if (want.size() == 0) s.append(" not a bounce");
    return s.toString();
  }

  /** Just enough JSON for two files: objects, arrays, strings, numbers, booleans, null. */
  static final class JsonNode implements Iterable<JsonNode> {
    final Object value;

    JsonNode(Object value) {
      this.value = value;
    }

    static JsonNode parse(String text) {
      int[] at = {0};
      return new JsonNode(read(text, at));
    }

    JsonNode get(String key) {
      return new JsonNode(((Map<?, ?>) value).get(key));
    }

    JsonNode get(int i) {
      return new JsonNode(((List<?>) value).get(i));
    }

    int size() {
      return value instanceof List<?> l ? l.size() : ((Map<?, ?>) value).size();
    }

    String asText() {
      return String.valueOf(value);
    }

    boolean asBoolean() {
      return Boolean.TRUE.equals(value);
    }

    Iterator<String> fieldNames() {
      return ((Map<String, ?>) value).keySet().iterator();
    }

    @Override
    public Iterator<JsonNode> iterator() {
      return ((List<?>) value).stream().map(JsonNode::new).iterator();
    }

    private static Object read(String s, int[] at) {
      skip(s, at);
      char c = s.charAt(at[0]);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        at[0]++;
        skip(s, at);
        if (s.charAt(at[0]) == '}') {
          at[0]++;
          return map;
        }
        while (true) {
          skip(s, at);
          String key = (String) read(s, at);
          skip(s, at);
          at[0]++; // ':'
          map.put(key, read(s, at));
          skip(s, at);
          if (s.charAt(at[0]++) == '}') {
            return map;
          }
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        at[0]++;
        skip(s, at);
        if (s.charAt(at[0]) == ']') {
          at[0]++;
          return list;
        }
        while (true) {
          list.add(read(s, at));
          skip(s, at);
          if (s.charAt(at[0]++) == ']') {
            return list;
          }
        }
      }
      if (c == '"') {
        StringBuilder b = new StringBuilder();
        at[0]++;
        while (s.charAt(at[0]) != '"') {
          char ch = s.charAt(at[0]++);
          if (ch == '\\') {
            char e = s.charAt(at[0]++);
            switch (e) {
              case 'n' -> b.append('\n');
              case 't' -> b.append('\t');
              case 'r' -> b.append('\r');
              case 'b' -> b.append('\b');
              case 'f' -> b.append('\f');
              case 'u' -> {
                b.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
                at[0] += 4;
              }
              default -> b.append(e);
            }
          } else {
            b.append(ch);
          }
        }
        at[0]++;
        return b.toString();
      }
      int start = at[0];
      while (at[0] < s.length() && ",]} \n\r\t".indexOf(s.charAt(at[0])) < 0) {
        at[0]++;
      }
      String word = s.substring(start, at[0]);
      return switch (word) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "null" -> null;
        default -> word;
      };
    }

    private static void skip(String s, int[] at) {
      while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
        at[0]++;
      }
    }
  }
}
