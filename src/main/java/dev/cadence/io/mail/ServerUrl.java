package dev.cadence.io.mail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a mail server URL ({@code scheme://[user[:password]@]host[:port][/path][?a=b&...]})
 * as {@code --smtp} and {@code --imap} take it. The user, password, path and parameters are
 * percent-decoded ({@code %40} for {@code @}); the last {@code @} ends the user part, so a password
 * may hold an unencoded {@code @}, {@code ?}, {@code #} or {@code /}. No message shows the
 * password.
 *
 * @param port empty when the URL gives none (each protocol has its own default)
 * @param path the decoded path without its leading {@code /}, empty when there is none
 */
public record ServerUrl(
    String scheme,
    Optional<String> user,
    Optional<String> password,
    String host,
    Optional<Integer> port,
    String path,
    Map<String, String> query) {

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
  private static final Pattern HOST_PORT =
      Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::(?<port>[^/]*))?");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m)");

  public ServerUrl {
    query = Map.copyOf(query);
  }

  /**
   * Reads {@code url}, one of {@code schemes}; {@code kind} ("SMTP") and {@code form} (how to write
   * it) go into the messages.
   *
   * @throws Invalid with a one-line message that never contains the password
   */
  static ServerUrl parse(String url, String kind, String form, String... schemes) {
    if (url == null || url.isBlank()) {
      throw new Invalid("the " + kind + " URL is empty; write " + form);
    }
    String text = url.trim();
    int sep = text.indexOf("://");
    String scheme = sep < 0 ? "" : text.substring(0, sep).toLowerCase(Locale.ROOT);
    if (sep < 0 || !SCHEME.matcher(scheme).matches()) {
      throw new Invalid("`" + redact(url) + "` is not an " + kind + " URL; write " + form);
    }
    if (!List.of(schemes).contains(scheme)) {
      throw new Invalid(
          "unknown scheme `"
              + scheme
              + "://` in `"
              + redact(url)
              + "`; use "
              + String.join(" or ", List.of(schemes).stream().map(s -> s + "://").toList()));
    }
    String rest = text.substring(sep + 3);
    int at = rest.lastIndexOf('@');
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      user = Optional.of(decode(rawUser, "user name", url));
      if (colon >= 0) {
        password = Optional.of(decode(userInfo.substring(colon + 1), "password", url));
      }
      if (user.get().isEmpty()) {
        throw new Invalid("the user name before `@` is empty in `" + redact(url) + "`");
      }
      rest = rest.substring(at + 1);
    }
    int q = rest.indexOf('?');
    String beforeQuery = q < 0 ? rest : rest.substring(0, q);
    int slash = beforeQuery.indexOf('/');
    String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String path = slash < 0 ? "" : decode(beforeQuery.substring(slash + 1), "path", url);
    Matcher hp = HOST_PORT.matcher(authority);
    if (!hp.matches()) {
      throw new Invalid("no valid host in `" + redact(url) + "`; write " + form);
    }
    String host = hp.group("host");
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    Optional<Integer> port = port(hp.group("port"), url);
    Map<String, String> query = query(q < 0 ? null : rest.substring(q + 1), url);
    return new ServerUrl(scheme, user, password, host, port, path, query);
  }

  private static Optional<Integer> port(String text, String url) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return Optional.of(port);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Invalid(
        "port `" + text + "` in `" + redact(url) + "` is not a number from 1 to 65535");
  }

  private static Map<String, String> query(String query, String url) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new Invalid(
            "parameter `" + pair + "` in `" + redact(url) + "` needs the form name=value");
      }
      String name = decode(pair.substring(0, eq), "parameter name", url);
      if (params.put(name, decode(pair.substring(eq + 1), "parameter " + name, url)) != null) {
        throw new Invalid("parameter `" + name + "` appears twice in `" + redact(url) + "`");
      }
    }
    return params;
  }

  /**
   * A duration parameter ({@code 500ms}, {@code 30s}, {@code 2m}), or {@code fallback} when absent.
   */
  static Duration duration(String text, Duration fallback, String name) {
    if (text == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new Invalid(
          name + "=" + text + " is not a duration above zero; write e.g. 500ms, 30s or 2m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  /** Percent-decoding as in URLs ({@code +} stays a plus), bytes read as strict UTF-8. */
  private static String decode(String text, String what, String url) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int value = i + 2 < text.length() ? hex(text.charAt(i + 1), text.charAt(i + 2)) : -1;
        if (value < 0) {
          throw new Invalid(
              "the "
                  + what
                  + " in `"
                  + redact(url)
                  + "` has a `%` that is not followed by two hex digits; write %25 for a percent sign");
        }
        bytes.write(value);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    try {
      String decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      if (decoded.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
        throw new Invalid("the " + what + " in `" + redact(url) + "` contains a control character");
      }
      return decoded;
    } catch (CharacterCodingException e) {
      throw new Invalid("the " + what + " in `" + redact(url) + "` does not decode as UTF-8");
    }
  }

  private static int hex(char high, char low) {
    int h = Character.digit(high, 16);
    int l = Character.digit(low, 16);
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }

  /** The URL as it may be shown: the password, if any, replaced by {@code ***}. */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      // No user part we can find: still hide anything that looks like one.
      return at < 0 ? url : "***" + url.substring(at);
    }
    String userInfo = url.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    String shown = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":***";
    return url.substring(0, scheme + 3) + shown + url.substring(at);
  }

  /** A server URL that cannot be used; the message is one line and never shows the password. */
  public static class Invalid extends IllegalArgumentException {
    public Invalid(String message) {
      super(message);
    }
  }
}
