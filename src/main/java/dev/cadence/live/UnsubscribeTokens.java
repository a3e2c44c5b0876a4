package dev.cadence.live;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-lead unsubscribe tokens: the lead id and an HMAC-SHA256 of it under a secret only the sender
 * knows, so that a one-click unsubscribe says who asked and nobody can forge one for another lead.
 * A token is {@code BASE64URL(lead id) "." BASE64URL(mac)}: only URL-safe characters.
 */
public final class UnsubscribeTokens {
  /** Fewer bytes than this make a secret too easy to guess. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  private final SecretKeySpec key;

  /**
   * @throws IllegalArgumentException when the secret is shorter than {@link #MIN_SECRET_BYTES}
   */
  public UnsubscribeTokens(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** The token of {@code leadId}. */
  public String token(String leadId) {
    byte[] id = leadId.getBytes(StandardCharsets.UTF_8);
    return ENCODE.encodeToString(id) + "." + ENCODE.encodeToString(mac(id));
  }

  /** The lead id a token was made for, or empty when it does not verify under this secret. */
  public Optional<String> verify(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1 || token.length() > 4096) {
      return Optional.empty();
    }
    try {
      byte[] id = DECODE.decode(token.substring(0, dot));
      byte[] given = DECODE.decode(token.substring(dot + 1));
      // Compared in constant time: how long a wrong token takes tells nothing about the right one.
      return MessageDigest.isEqual(mac(id), given)
          ? Optional.of(new String(id, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not base64url
    }
  }

  private byte[] mac(byte[] leadId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update("cadence-unsubscribe\0".getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(leadId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
