package dev.cadence.inbox;

import java.util.regex.Pattern;

/**
 * What a person wrote in a reply, without what they quoted or signed: quoted lines ({@code >}), and
 * everything from the first attribution line ("On ... wrote:", "Le ... a écrit :", "Am ... schrieb
 * ...:", "El ... escribió:"), forwarded or original-message separator, Outlook header block ("From:
 * ... Sent: ...") or signature separator ({@code -- }) on.
 */
public final class FreshText {
  /** How much of the fresh text a verdict keeps. */
  public static final int MAX = 200;

  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "(?iu)^\\s*(?:on\\s.*|le\\s.*|am\\s.*|el\\s.*|il\\s.*|op\\s.*|em\\s.*)?"
              + "(?:wrote|a\\s+écrit|a\\s+ecrit|schrieb.*|escribió|escribio|ha\\s+scritto|"
              + "schreef.*|escreveu)\\s*:\\s*$");
  private static final Pattern ATTRIBUTION_START =
      Pattern.compile("(?iu)^\\s*(?:on|le|am|el|il|op|em)\\s.*\\d.*");
  private static final Pattern SEPARATOR =
      Pattern.compile(
          "(?iu)^\\s*(?:-{2,}\\s*(?:original message|message d'origine|ursprüngliche nachricht|"
              + "mensaje original|messaggio originale|forwarded message|message transféré|"
              + "weitergeleitete nachricht|mensaje reenviado)\\s*-{2,}|_{10,}|"
              + "begin forwarded message:|sent from my .*|envoyé de mon .*|von meinem .* gesendet|"
              + "enviado desde mi .*)\\s*$");
  private static final Pattern HEADER_FROM =
      Pattern.compile("(?iu)^\\s*\\*?(?:from|de|von|da|van)\\s*:\\*?\\s.*");
  private static final Pattern HEADER_NEXT =
      Pattern.compile(
          "(?iu)^\\s*\\*?(?:sent|date|envoyé|gesendet|datum|enviado(?: el)?|fecha|inviato|"
              + "verzonden|to|à|an|para|a|subject|objet|betreff|asunto)\\s*:.*");

  private FreshText() {}

  /** The fresh text, on one line, at most {@link #MAX} characters. */
  public static String of(String text) {
    String fresh = full(text);
    return fresh.isEmpty() ? "" : cut(Reasons.oneLine(fresh));
  }

  /** The fresh text with its line breaks. */
  static String full(String text) {
    String[] lines = text.split("\r?\n|\r", -1);
    StringBuilder fresh = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.stripLeading().startsWith(">")) {
        continue;
      }
      if (line.equals("-- ") || line.equals("--") || SEPARATOR.matcher(line).matches()) {
        break;
      }
      boolean colon = line.indexOf(':') >= 0; // every attribution and header line has one
      if (colon && ATTRIBUTION.matcher(line).matches()) {
        break;
      }
      if (i + 1 < lines.length
          && lines[i + 1].indexOf(':') >= 0
          && ATTRIBUTION_START.matcher(line).matches()
          && ATTRIBUTION.matcher(lines[i + 1]).matches()) {
        break; // "On Mon, 4 Jan 2027 at 10:00, Name <a@b>\nwrote:" folded by the client
      }
      if (colon
          && HEADER_FROM.matcher(line).matches()
          && i + 1 < lines.length
          && HEADER_NEXT.matcher(lines[i + 1]).matches()) {
        break;
      }
      fresh.append(line).append('\n');
    }
    return fresh.toString().strip();
  }

  private static String cut(String line) {
    return line.length() <= MAX ? line : line.substring(0, MAX - 3) + "...";
  }
}
