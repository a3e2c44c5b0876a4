package dev.cadence.io.mail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how {@code run} sends email, read from {@code --smtp} (or {@code CADENCE_SMTP_URL}):
 * {@code smtp[s]://[user[:password]@]host[:port][?param=value&...]}.
 *
 * <p>{@code smtp://} speaks plain SMTP, upgraded with STARTTLS when the server offers it (required
 * with {@code ?starttls=true}, never tried with {@code ?starttls=false}); {@code smtps://} speaks
 * TLS from the first byte (port 465). The user and password are percent-decoded ({@code %40} for
 * {@code @}). Other parameters: {@code trust=PATH} (PEM certificates to trust instead of the JDK's
 * CAs, for a relay with a private CA; the host name is still checked), {@code connect_timeout},
 * {@code timeout} (each server reply) and {@code write_timeout} as {@code 500ms}, {@code 30s} or
 * {@code 2m}, and {@code helo=NAME} (the EHLO name; by default the domain of the sender address).
 * Nothing ever trusts every certificate.
 *
 * <p>{@link #toString()} and every error message leave the password out.
 */
public record SmtpSettings(
    Security security,
    String host,
    int port,
    Optional<String> user,
    Optional<String> password,
    Optional<Path> trust,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Optional<String> helo) {

  /** How the connection is protected. */
  public enum Security {
    /**
     * Plain SMTP, never upgraded ({@code ?starttls=false}): only for a relay on the same host or
     * network.
     */
    PLAIN,
    /**
     * Plain SMTP, upgraded with STARTTLS when the server offers it (a bad certificate then fails
     * the connection).
     */
    OPPORTUNISTIC_STARTTLS,
    /** Plain SMTP that must be upgraded with STARTTLS before anything else is sent. */
    REQUIRED_STARTTLS,
    /** TLS from the first byte (SMTPS, "implicit TLS"). */
    SMTPS
  }

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

  /**
   * Long enough for a busy relay to accept a message; a timeout after DATA leaves a send in doubt.
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
  private static final Pattern HOST_PORT =
      Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::(?<port>[^/]*))?/?");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m)");
  private static final Pattern HELO = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");
  private static final String FORM = "smtp[s]://[user:password@]host[:port][?starttls=true]";

  public SmtpSettings {
    java.util.Objects.requireNonNull(security, "security");
    java.util.Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1-65535");
    }
  }

  /** {@code smtp://host:port}: no authentication, STARTTLS when offered, the default timeouts. */
  public static SmtpSettings of(String host, int port) {
    return new SmtpSettings(
        Security.OPPORTUNISTIC_STARTTLS,
        host,
        port,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_WRITE_TIMEOUT,
        Optional.empty());
  }

  /** A copy with this password, e.g. from an environment variable when the URL has none. */
  public SmtpSettings withPassword(String secret) {
    return new SmtpSettings(
        security,
        host,
        port,
        user,
        Optional.of(secret),
        trust,
        connectTimeout,
        readTimeout,
        writeTimeout,
        helo);
  }

  /** A copy that trusts the certificates in this PEM file (as {@code ?trust=PATH} does). */
  public SmtpSettings withTrust(Path pem) {
    return new SmtpSettings(
        security,
        host,
        port,
        user,
        password,
        Optional.of(pem),
        connectTimeout,
        readTimeout,
        writeTimeout,
        helo);
  }

  /** A copy with other timeouts (for tests and tuning). */
  public SmtpSettings withTimeouts(Duration connect, Duration read, Duration write) {
    return new SmtpSettings(
        security, host, port, user, password, trust, connect, read, write, helo);
  }

  /**
   * Reads a {@code --smtp} URL.
   *
   * @throws InvalidSmtpUrl with a one-line message that never contains the password
   */
  public static SmtpSettings parse(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidSmtpUrl("the SMTP URL is empty; write " + FORM);
    }
    String text = url.trim();
    int sep = text.indexOf("://");
    String scheme = sep < 0 ? "" : text.substring(0, sep).toLowerCase(Locale.ROOT);
    if (sep < 0 || !SCHEME.matcher(scheme).matches()) {
      throw new InvalidSmtpUrl("`" + redact(url) + "` is not an SMTP URL; write " + FORM);
    }
    if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
      throw new InvalidSmtpUrl(
          "unknown scheme `" + scheme + "://` in `" + redact(url) + "`; use smtp:// or smtps://");
    }
    String rest = text.substring(sep + 3);
    // The last @ ends the user part, so a password may hold an unencoded @, ?, # or /; an @ in a
    // parameter value must be written %40.
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
        throw new InvalidSmtpUrl("the user name before `@` is empty in `" + redact(url) + "`");
      }
      rest = rest.substring(at + 1);
    }
    int q = rest.indexOf('?');
    String authority = q < 0 ? rest : rest.substring(0, q);
    Matcher hp = HOST_PORT.matcher(authority);
    if (!hp.matches()) {
      throw new InvalidSmtpUrl("no valid host in `" + redact(url) + "`; write " + FORM);
    }
    String host = hp.group("host");
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = port(hp.group("port"), scheme.equals("smtps") ? 465 : 25, url);
    Map<String, String> query = query(q < 0 ? null : rest.substring(q + 1), url);

    Security security = scheme.equals("smtps") ? Security.SMTPS : Security.OPPORTUNISTIC_STARTTLS;
    String starttls = query.remove("starttls");
    if (starttls != null) {
      if (!starttls.equals("true") && !starttls.equals("false")) {
        throw new InvalidSmtpUrl(
            "starttls=" + starttls + " in `" + redact(url) + "` must be true or false");
      }
      if (security == Security.SMTPS) {
        throw new InvalidSmtpUrl(
            "smtps:// is TLS from the start; starttls= belongs to smtp:// URLs");
      }
      if (security != Security.SMTPS) {
        security = starttls.equals("true") ? Security.REQUIRED_STARTTLS : Security.PLAIN;
      }
    }
    Optional<Path> trust = Optional.ofNullable(query.remove("trust")).map(Path::of);
    Duration connect =
        duration(query.remove("connect_timeout"), DEFAULT_CONNECT_TIMEOUT, "connect_timeout", url);
    Duration read = duration(query.remove("timeout"), DEFAULT_READ_TIMEOUT, "timeout", url);
    Duration write =
        duration(query.remove("write_timeout"), DEFAULT_WRITE_TIMEOUT, "write_timeout", url);
    Optional<String> helo = Optional.ofNullable(query.remove("helo"));
    if (helo.isPresent() && !HELO.matcher(helo.get()).matches()) {
      throw new InvalidSmtpUrl("helo=" + helo.get() + " is not a host name");
    }
    if (!query.isEmpty()) {
      throw new InvalidSmtpUrl(
          "unknown parameter `"
              + query.keySet().iterator().next()
              + "` in `"
              + redact(url)
              + "`; known: starttls, trust, connect_timeout, timeout, write_timeout, helo");
    }
    return new SmtpSettings(
        security, host, port, user, password, trust, connect, read, write, helo);
  }

  /** The URL as it may be shown: the password, if any, replaced by {@code ***}. */
  public static String redact(String url) {
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

  @Override
  public String toString() {
    String scheme = security == Security.SMTPS ? "smtps" : "smtp";
    String auth = user.map(u -> u + (password.isPresent() ? ":***" : "") + "@").orElse("");
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    String tls =
        security == Security.REQUIRED_STARTTLS
            ? "?starttls=true"
            : security == Security.PLAIN ? "?starttls=false" : "";
    return scheme + "://" + auth + h + ":" + port + tls;
  }

  private static int port(String text, int fallback, String url) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSmtpUrl(
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
        throw new InvalidSmtpUrl(
            "parameter `" + pair + "` in `" + redact(url) + "` needs the form name=value");
      }
      String name = decode(pair.substring(0, eq), "parameter name", url);
      if (params.put(name, decode(pair.substring(eq + 1), "parameter " + name, url)) != null) {
        throw new InvalidSmtpUrl("parameter `" + name + "` appears twice in `" + redact(url) + "`");
      }
    }
    return params;
  }

  private static Duration duration(String text, Duration fallback, String name, String url) {
    if (text == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new InvalidSmtpUrl(
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
          throw new InvalidSmtpUrl(
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
        throw new InvalidSmtpUrl(
            "the " + what + " in `" + redact(url) + "` contains a control character");
      }
      return decoded;
    } catch (CharacterCodingException e) {
      throw new InvalidSmtpUrl(
          "the " + what + " in `" + redact(url) + "` does not decode as UTF-8");
    }
  }

  private static int hex(char high, char low) {
    int h = Character.digit(high, 16);
    int l = Character.digit(low, 16);
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }

  /**
   * A {@code --smtp} URL that cannot be used; the message is one line and never shows the password.
   */
  public static final class InvalidSmtpUrl extends IllegalArgumentException {
    public InvalidSmtpUrl(String message) {
      super(message);
    }
  }
}
