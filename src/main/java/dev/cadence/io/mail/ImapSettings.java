package dev.cadence.io.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code inbox} reads, from {@code --imap} (or {@code CADENCE_IMAP_URL}): {@code
 * imap[s]://[user[:password]@]host[:port]/FOLDER[?param=value&...]}.
 *
 * <p>{@code imaps://} speaks TLS from the first byte (port 993); {@code imap://} (port 143) is
 * upgraded with STARTTLS, which is required whenever a password is sent unless the URL says {@code
 * ?starttls=false} (only for a server on the same host or network). The folder defaults to INBOX.
 * Parameters: {@code trust=PATH} (PEM certificates to trust instead of the JDK's CAs; the host name
 * is still checked), {@code connect_timeout} and {@code timeout} as {@code 500ms}, {@code 30s} or
 * {@code 2m}. Nothing ever trusts every certificate. {@link #toString()} and every message leave
 * the password out.
 */
public record ImapSettings(
    boolean implicitTls,
    Optional<Boolean> starttls,
    String host,
    int port,
    Optional<String> user,
    Optional<String> password,
    String folder,
    Optional<Path> trust,
    Duration connectTimeout,
    Duration timeout) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final String FORM = "imap[s]://[user[:password]@]host[:port]/FOLDER";

  /**
   * Reads an {@code --imap} URL.
   *
   * @throws ServerUrl.Invalid with a one-line message that never contains the password
   */
  public static ImapSettings parse(String url) {
    ServerUrl u = ServerUrl.parse(url, "IMAP", FORM, "imap", "imaps");
    boolean imaps = u.scheme().equals("imaps");
    Map<String, String> query = new LinkedHashMap<>(u.query());
    Optional<Boolean> starttls = Optional.empty();
    String s = query.remove("starttls");
    if (s != null) {
      if (!s.equals("true") && !s.equals("false")) {
        throw new ServerUrl.Invalid(
            "starttls=" + s + " in `" + ServerUrl.redact(url) + "` must be true or false");
      }
      if (imaps) {
        throw new ServerUrl.Invalid(
            "imaps:// is TLS from the start; starttls= belongs to imap:// URLs");
      }
      starttls = Optional.of(s.equals("true"));
    }
    Optional<Path> trust = Optional.ofNullable(query.remove("trust")).map(Path::of);
    Duration connect =
        ServerUrl.duration(
            query.remove("connect_timeout"), DEFAULT_CONNECT_TIMEOUT, "connect_timeout");
    Duration timeout = ServerUrl.duration(query.remove("timeout"), DEFAULT_TIMEOUT, "timeout");
    if (!query.isEmpty()) {
      throw new ServerUrl.Invalid(
          "unknown parameter `"
              + query.keySet().iterator().next()
              + "` in `"
              + ServerUrl.redact(url)
              + "`; known: starttls, trust, connect_timeout, timeout");
    }
    return new ImapSettings(
        imaps,
        starttls,
        u.host(),
        u.port().orElse(imaps ? 993 : 143),
        u.user(),
        u.password(),
        u.path().isEmpty() ? "INBOX" : u.path(),
        trust,
        connect,
        timeout);
  }

  /** A copy with this password, e.g. from {@code CADENCE_IMAP_PASSWORD} when the URL has none. */
  public ImapSettings withPassword(String secret) {
    return new ImapSettings(
        implicitTls,
        starttls,
        host,
        port,
        user,
        Optional.of(secret),
        folder,
        trust,
        connectTimeout,
        timeout);
  }

  /**
   * The mailbox's name in messages and in the store: account and folder, never the password (e.g.
   * {@code imaps://sophie@mail.example.com:993/INBOX}).
   */
  public String mailbox() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return (implicitTls ? "imaps" : "imap")
        + "://"
        + user.map(u -> u + "@").orElse("")
        + h
        + ":"
        + port
        + "/"
        + folder;
  }

  @Override
  public String toString() {
    return mailbox();
  }
}
