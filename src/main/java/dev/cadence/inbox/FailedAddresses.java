package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the failed recipients in a bounce's own text, the way the servers lay them out: on a line
 * of their own (Exim, Gmail, Exchange), at the start of a line before the server's reply ({@code
 * <a@b>: host ... said:} in Postfix and qmail, {@code a@b... User unknown} in Sendmail), after
 * {@code RCPT TO:}, or after words such as "to", "recipient", "address". Addresses of mail
 * software, of the bounce's own headers (that is us) and of the returned original's sender are
 * never failed recipients.
 */
final class FailedAddresses {
  /** One failed recipient and the stretch of text that speaks of it. */
  record Found(String address, String text) {}

  private static final Pattern CONTEXT =
      Pattern.compile("(?i)(?:\\bto\\b|recipient|address|\\buser\\b|rcpt|destinat|mailbox)");
  private static final Pattern IGNORED_LINE =
      Pattern.compile(
          "(?i)^\\s*(?:message-id|in-reply-to|references|received|return-path|envelope-from|"
              + "from|sender|reply-to|x-[a-z-]+|by|id|for)\\b.*|^\\s*(?:to|cc)\\s*:.*");

  private FailedAddresses() {}

  static List<Found> find(String section, Set<String> excluded) {
    String[] lines = section.split("\n", -1);
    List<Integer> strongLines = new ArrayList<>();
    List<String> strong = new ArrayList<>();
    List<Integer> weakLines = new ArrayList<>();
    List<String> weak = new ArrayList<>();
    List<Integer> mineLines = new ArrayList<>();
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf('@') < 0 || IGNORED_LINE.matcher(line).matches()) {
        continue;
      }
      Matcher m = Addresses.ADDRESS.matcher(line);
      while (m.find()) {
        String address = Addresses.normalise(m.group());
        String before = line.substring(0, m.start());
        boolean leading = LEADING.matcher(before).matches();
        boolean named = CONTEXT.matcher(before).find();
        boolean strongContext = leading || named;
        if (isSoftware(address) && !(strongContext && address.startsWith("postmaster@"))) {
          continue; // a postmaster may be the recipient; MAILER-DAEMON never is
        }
        if (excluded.contains(address)) {
          if (strongContext) {
            mineLines.add(i); // someone mailing themselves: kept if nothing else is found
            mine.add(address);
          }
          continue;
        }
        if (strongContext) {
          strongLines.add(i);
          strong.add(address);
        } else {
          weakLines.add(i);
          weak.add(address);
        }
      }
    }
    if (!strong.isEmpty()) {
      return blocks(lines, strong, strongLines);
    }
    return mine.isEmpty() ? blocks(lines, weak, weakLines) : blocks(lines, mine, mineLines);
  }

  /** Nothing before the address but blanks, brackets, or an SMTP reply code (Sendmail's). */
  private static final Pattern LEADING = Pattern.compile("\\s*(?:[245]\\d\\d[ -]+)?[\\s<\"'(\\[]*");

  private static boolean isSoftware(String address) {
    return Addresses.isMailSoftware(address.substring(0, address.indexOf('@')));
  }

  /** Each distinct address with the lines from its first mention to the next address's. */
  private static List<Found> blocks(String[] lines, List<String> addresses, List<Integer> at) {
    Set<String> seen = new LinkedHashSet<>();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      if (seen.add(addresses.get(i))) {
        starts.add(at.get(i));
      }
    }
    List<String> distinct = new ArrayList<>(seen);
    List<Found> found = new ArrayList<>(distinct.size());
    for (int i = 0; i < distinct.size(); i++) {
      int from = starts.get(i);
      int to = lines.length;
      for (int j = 0; j < starts.size(); j++) {
        if (starts.get(j) > from && starts.get(j) < to) {
          to = starts.get(j);
        }
      }
      to = Math.min(to, from + 12); // a server's reply is a few lines, not the rest of the mail
      found.add(new Found(distinct.get(i), String.join("\n", List.of(lines).subList(from, to))));
    }
    return found;
  }

  /** The lowercase local parts and addresses that appear in a header value. */
  static Set<String> inHeader(String value) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String a : Addresses.all(value)) {
      addresses.add(a.toLowerCase(Locale.ROOT));
    }
    return addresses;
  }
}
