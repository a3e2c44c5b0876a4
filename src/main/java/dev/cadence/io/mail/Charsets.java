package dev.cadence.io.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charset names as mail uses them, looked up once each. ISO-8859-1 and US-ASCII labels are read as
 * windows-1252, as browsers do, since that is what the senders' software really wrote.
 */
final class Charsets {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Map<String, Optional<Charset>> KNOWN = new ConcurrentHashMap<>();

  private Charsets() {}

  /** The charset called {@code name}, if the JDK has it. */
  static Optional<Charset> lookup(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    int star = key.indexOf('*'); // RFC 2231 language suffix: utf-8*en
    if (star >= 0) {
      key = key.substring(0, star);
    }
    return KNOWN.computeIfAbsent(key, Charsets::find);
  }

  private static Optional<Charset> find(String key) {
    switch (key) {
      case "", "us-ascii", "ascii", "iso-8859-1", "latin1", "iso8859-1", "iso_8859-1":
        return Optional.of(WINDOWS_1252);
      case "utf8", "utf-8":
        return Optional.of(StandardCharsets.UTF_8);
      default:
        break;
    }
    if (KNOWN.size() > 500) {
      return Optional.empty(); // hostile input naming endless charsets: do not grow without end
    }
    try {
      return Optional.of(Charset.forName(key));
    } catch (IllegalArgumentException e) { // illegal or unsupported name
      return Optional.empty();
    }
  }

  static Charset fallback() {
    return WINDOWS_1252;
  }
}
