package dev.cadence.io.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * {@code 2m}, {@code deadline} (the most one message may take, connection included, however the
 * server dribbles its replies; by default 5 times {@code timeout}, at most 2 minutes unless {@code
 * timeout} is longer), and {@code helo=NAME} (the EHLO name; by default the domain of the sender
 * address). Nothing ever trusts every certificate.
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
    Optional<Duration> deadline,
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

  private static final Pattern HELO = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");
  private static final String FORM = "smtp[s]://[user:password@]host[:port][?starttls=true]";

  public SmtpSettings {
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(host, "host");
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
        Optional.empty(),
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
        deadline,
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
        deadline,
        helo);
  }

  /** A copy with other timeouts (for tests and tuning). */
  public SmtpSettings withTimeouts(Duration connect, Duration read, Duration write) {
    return new SmtpSettings(
        security, host, port, user, password, trust, connect, read, write, deadline, helo);
  }

  /**
   * Reads a {@code --smtp} URL.
   *
   * @throws InvalidSmtpUrl with a one-line message that never contains the password
   */
  public static SmtpSettings parse(String url) {
    ServerUrl u;
    try {
      u = ServerUrl.parse(url, "SMTP", FORM, "smtp", "smtps");
    } catch (ServerUrl.Invalid e) {
      throw new InvalidSmtpUrl(e.getMessage());
    }
    if (!u.path().isEmpty()) {
      throw new InvalidSmtpUrl("no valid host in `" + redact(url) + "`; write " + FORM);
    }
    boolean smtps = u.scheme().equals("smtps");
    int port = u.port().orElse(smtps ? 465 : 25);
    Map<String, String> query = new LinkedHashMap<>(u.query());
    Security security = smtps ? Security.SMTPS : Security.OPPORTUNISTIC_STARTTLS;
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
      security = starttls.equals("true") ? Security.REQUIRED_STARTTLS : Security.PLAIN;
    }
    Optional<Path> trust = Optional.ofNullable(query.remove("trust")).map(Path::of);
    Duration connect;
    Duration read;
    Duration write;
    Optional<Duration> deadline;
    try {
      connect =
          ServerUrl.duration(
              query.remove("connect_timeout"), DEFAULT_CONNECT_TIMEOUT, "connect_timeout");
      read = ServerUrl.duration(query.remove("timeout"), DEFAULT_READ_TIMEOUT, "timeout");
      write =
          ServerUrl.duration(query.remove("write_timeout"), DEFAULT_WRITE_TIMEOUT, "write_timeout");
      String given = query.remove("deadline");
      deadline =
          given == null
              ? Optional.empty()
              : Optional.of(ServerUrl.duration(given, DEFAULT_READ_TIMEOUT, "deadline"));
    } catch (ServerUrl.Invalid e) {
      throw new InvalidSmtpUrl(e.getMessage());
    }
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
              + "`; known: starttls, trust, connect_timeout, timeout, write_timeout, deadline,"
              + " helo");
    }
    return new SmtpSettings(
        security,
        u.host(),
        port,
        u.user(),
        u.password(),
        trust,
        connect,
        read,
        write,
        deadline,
        helo);
  }

  /**
   * The most one message may take, connecting included: the {@code deadline} parameter, else 5
   * times the reply timeout, at most 2 minutes (or the reply timeout, when that is longer).
   */
  public Duration exchangeDeadline() {
    if (deadline.isPresent()) {
      return deadline.get();
    }
    Duration fivefold = readTimeout.multipliedBy(5);
    Duration cap = Duration.ofMinutes(2);
    Duration capped = fivefold.compareTo(cap) > 0 ? cap : fivefold;
    return capped.compareTo(readTimeout) < 0 ? readTimeout : capped;
  }

  /** A copy with this overall deadline per message (for tests and tuning). */
  public SmtpSettings withDeadline(Duration limit) {
    return new SmtpSettings(
        security,
        host,
        port,
        user,
        password,
        trust,
        connectTimeout,
        readTimeout,
        writeTimeout,
        Optional.of(limit),
        helo);
  }

  /** The URL as it may be shown: the password, if any, replaced by {@code ***}. */
  public static String redact(String url) {
    return ServerUrl.redact(url);
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

  /**
   * A {@code --smtp} URL that cannot be used; the message is one line and never shows the password.
   */
  public static final class InvalidSmtpUrl extends ServerUrl.Invalid {
    public InvalidSmtpUrl(String message) {
      super(message);
    }
  }
}
