package dev.cadence.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic Message-IDs: one per (cadence, lead, step, visit), so that the same touch always
 * carries the same id (a receiving server or an audit can tell a resend from a new message) while
 * lead ids, which may hold anything, never reach a header.
 */
public final class MessageIds {
  private MessageIds() {}

  /** Without angle brackets, e.g. {@code 3f2a...@example.com}. */
  public static String of(String cadence, String leadId, String step, int visit, String from) {
    String key = cadence + "\u0000" + leadId + "\u0000" + step + "\u0000" + visit;
    String domain =
        from.contains("@")
            ? from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "")
            : "";
    return "cadence." + hash(key) + "@" + (domain.isEmpty() ? "cadence.invalid" : domain);
  }

  private static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
