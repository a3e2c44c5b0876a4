package dev.cadence.io.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * The sender address of {@code run} ({@code --from}): exactly one mailbox with a domain, bare
 * ({@code sales@acme.example}) or with a display name ({@code "Sales Team" <sales@acme.example>}).
 * Checked before a tick claims anything, so that a typo in the crontab is a usage error and never a
 * failure charged to each lead.
 */
public final class SenderAddress {
  private SenderAddress() {}

  /** Why a sender address cannot be used; the message is one line that names the fix. */
  public static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /** Checks {@code text}; see {@link #parse}. */
  public static void check(String text) throws Invalid {
    parse(text);
  }

  /**
   * The address, with a display name encoded again (RFC 2047), because the parsed address would
   * otherwise print it back as written, raw UTF-8 in a header.
   */
  static InternetAddress parse(String text) throws Invalid {
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw invalid(text, "it holds a control character");
    }
    InternetAddress parsed;
    try {
      parsed = new InternetAddress(text, true); // exactly one address, or it throws
    } catch (AddressException e) {
      throw invalid(text, e.getMessage());
    }
    String address = parsed.getAddress();
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw invalid(text, "no domain");
    }
    try {
      return parsed.getPersonal() == null
          ? new InternetAddress(address, true)
          : new InternetAddress(address, parsed.getPersonal(), StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw invalid(text, e.getMessage());
    }
  }

  private static Invalid invalid(String text, String why) {
    return new Invalid(
        "the sender `"
            + text.replaceAll("\\p{Cntrl}", "?")
            + "` is not one address ("
            + why
            + "); write e.g. sales@example.com or \"Sales Team\" <sales@example.com>");
  }
}
