package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses in header values and free text (RFC 5322 addr-spec, leniently). */
final class Addresses {
  /**
   * A local part (dot-atom, leniently with repeated dots, or a quoted string) at a domain with a
   * letter TLD. Servers quote addresses every which way; the bounds keep a pathological line cheap.
   */
  static final Pattern ADDRESS =
      Pattern.compile(
          "(?:\"[^\"\\r\\n]{1,64}\"|[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64})"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])");

  private static final Pattern ANGLED = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");

  /** Senders that are mail software, not people (RFC 5321 postmaster, MAILER-DAEMON...). */
  private static final Pattern MAIL_SOFTWARE =
      Pattern.compile(
          "(?i)^(?:mailer-?daemon|mail-?daemon|postmaster|poostmaster|mail-?delivery|"
              + "maildelivery|mdaemon|double-bounce|bounces?|mail\\.?system)(?:[@+.-].*)?$");

  private Addresses() {}

  /** The address in a From/To-style value ({@code Name <a@b>} or {@code a@b (Name)}), if any. */
  static Optional<String> first(String value) {
    Matcher angled = ANGLED.matcher(value);
    if (angled.find()) {
      Matcher inside = ADDRESS.matcher(angled.group(1));
      if (inside.find()) {
        return Optional.of(normalise(inside.group()));
      }
    }
    Matcher m = ADDRESS.matcher(value);
    return m.find() ? Optional.of(normalise(m.group())) : Optional.empty();
  }

  /** Every address in {@code text}, in order, normalised, duplicates kept. */
  static List<String> all(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = ADDRESS.matcher(text);
    while (m.find()) {
      found.add(normalise(m.group()));
    }
    return found;
  }

  /**
   * Lowercase, trailing dots of the local part's sentence trimmed. Lowercasing the local part too
   * is what every mailbox provider does in practice and what matching a lead's address needs.
   */
  static String normalise(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    while (a.startsWith(".")) {
      a = a.substring(1);
    }
    return a;
  }

  /** True for an address (or a bare local part) of mail software rather than of a person. */
  static boolean isMailSoftware(String address) {
    return MAIL_SOFTWARE.matcher(address).matches();
  }
}
