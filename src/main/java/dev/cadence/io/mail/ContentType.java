package dev.cadence.io.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A parsed Content-Type field (RFC 2045): the lowercase type and its parameters. */
record ContentType(String name, Map<String, String> parameters) {

  static ContentType parse(String value, String fallback) {
    String v = value.strip();
    int semicolon = v.indexOf(';');
    String name = (semicolon >= 0 ? v.substring(0, semicolon) : v).strip().toLowerCase(Locale.ROOT);
    int slash = name.indexOf('/');
    if (slash <= 0 || slash == name.length() - 1 || name.indexOf(' ') >= 0) {
      name = fallback; // RFC 2045 section 5.2: a malformed type is read as the default
    }
    Map<String, String> parameters = new HashMap<>();
    if (semicolon >= 0) {
      readParameters(v.substring(semicolon + 1), parameters);
    }
    return new ContentType(name, Map.copyOf(parameters));
  }

  private static void readParameters(String text, Map<String, String> into) {
    int i = 0;
    int n = text.length();
    while (i < n && into.size() < 50) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        return;
      }
      String key = text.substring(i, eq).replace(";", "").strip().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      while (j < n && Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      StringBuilder value = new StringBuilder();
      if (j < n && text.charAt(j) == '"') {
        j++;
        while (j < n && text.charAt(j) != '"') {
          if (text.charAt(j) == '\\' && j + 1 < n) {
            j++;
          }
          value.append(text.charAt(j++));
        }
        j++; // the closing quote
        int next = text.indexOf(';', Math.min(j, n));
        i = next < 0 ? n : next + 1;
      } else {
        int next = text.indexOf(';', j);
        int stop = next < 0 ? n : next;
        value.append(text, j, stop);
        i = next < 0 ? n : next + 1;
      }
      into.putIfAbsent(key, value.toString().strip());
    }
  }

  boolean isMultipart() {
    return name.startsWith("multipart/");
  }

  /** A message or a message's head inside this one: a bounce's or a report's returned original. */
  boolean isEmbeddedMessage() {
    return name.equals("message/rfc822")
        || name.equals("message/global")
        || name.equals("message/rfc822-headers")
        || name.equals("message/global-headers")
        || name.equals("text/rfc822-headers");
  }

  /** Parts whose content is text to judge, including the machine-readable report parts. */
  boolean isText() {
    return name.startsWith("text/")
        || name.equals("message/delivery-status")
        || name.equals("message/global-delivery-status")
        || name.equals("message/feedback-report")
        || name.equals("message/disposition-notification");
  }

  boolean isHtml() {
    return name.equals("text/html");
  }

  String charset() {
    return parameters.getOrDefault("charset", "");
  }

  Optional<String> boundary() {
    String b = parameters.get("boundary");
    return b == null || b.isEmpty() || b.length() > 200 ? Optional.empty() : Optional.of(b);
  }
}
