package dev.cadence.io.csv;

import dev.cadence.live.Recorder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What identifies a row of an outcome file across imports: what it says (lead, cadence, step,
 * outcome, fields, and its timestamp when it has one). A row without a timestamp is recorded at the
 * time of its import, so its time cannot tell a re-import from a new outcome; its content can. Rows
 * of one file that say the same are one outcome (at one instant, the store keeps one). To record
 * the same outcome again later, give it a timestamp.
 */
final class RowKey {
  private RowKey() {}

  /**
   * The row's content, normalised (field order, blanks and spelling of the instant do not count).
   */
  static String content(Recorder.Request r, Optional<Instant> stated) {
    StringBuilder b = new StringBuilder();
    append(b, r.leadId());
    append(b, r.cadence().orElse(""));
    append(b, r.step());
    append(b, r.outcome().orElse(""));
    append(b, stated.map(Instant::toString).orElse(""));
    for (Map.Entry<String, String> f : new TreeMap<>(r.fields()).entrySet()) {
      append(b, f.getKey());
      append(b, f.getValue());
    }
    return b.toString();
  }

  /** The key of a row with this content. */
  static String of(String content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(content.getBytes(StandardCharsets.UTF_8));
      return "csv:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Each value with its length first: no value can run into the next. */
  private static void append(StringBuilder b, String value) {
    String v = value == null ? "" : value;
    b.append(v.length()).append(':').append(v).append('|');
  }
}
