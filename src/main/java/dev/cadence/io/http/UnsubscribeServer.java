package dev.cadence.io.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cadence.live.UnsubscribeTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The one-click unsubscribe endpoint (RFC 8058) on the JDK's own HTTP server: a POST with a token
 * that verifies unsubscribes its lead; a GET shows a page with a button that POSTs, so that a mail
 * scanner following links changes nothing. A token that does not verify changes nothing and says
 * so. The token is the {@code token} parameter of the URL, else its last path segment, so both
 * {@code https://HOST/unsubscribe/{token}} and {@code https://HOST/u?token={token}} work behind a
 * proxy.
 */
public final class UnsubscribeServer implements AutoCloseable {
  /** What the server does with a lead whose token verified; returns a line for the page. */
  @FunctionalInterface
  public interface Action {
    String unsubscribe(String leadId);
  }

  private final HttpServer server;
  private final ExecutorService worker;

  private UnsubscribeServer(HttpServer server, ExecutorService worker) {
    this.server = server;
    this.worker = worker;
  }

  /**
   * Starts listening; requests are handled one at a time (the store takes one writer anyway).
   *
   * @throws IOException when the address cannot be bound
   */
  public static UnsubscribeServer start(
      InetSocketAddress address, UnsubscribeTokens tokens, Action action) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    server.setExecutor(worker);
    server.createContext("/", exchange -> handle(exchange, tokens::verify, action));
    server.start();
    return new UnsubscribeServer(server, worker);
  }

  /** The address it listens on (with the port the system chose for port 0). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void handle(
      HttpExchange exchange, Function<String, Optional<String>> verify, Action action)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      Optional<String> token =
          token(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery());
      if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
        respond(exchange, 405, page("Not allowed", "Use the link or the button in the email."));
        return;
      }
      Optional<String> lead = token.flatMap(verify);
      if (lead.isEmpty()) {
        respond(
            exchange,
            400,
            page(
                "This link is not valid",
                "Nothing was changed. Reply to the email to be removed."));
        return;
      }
      if (!method.equals("POST")) {
        respond(exchange, 200, confirmation());
        return;
      }
      exchange
          .getRequestBody()
          .readNBytes(4096); // "List-Unsubscribe=One-Click"; content is not needed
      String done;
      try {
        done = action.unsubscribe(lead.get());
      } catch (RuntimeException e) {
        respond(exchange, 503, page("Please try again", "Your request could not be saved now."));
        return;
      }
      respond(exchange, 200, page("Unsubscribed", done));
    }
  }

  /** The {@code token} query parameter, else the last path segment. */
  static Optional<String> token(String rawPath, String rawQuery) {
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.startsWith("token=")) {
          return Optional.of(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
        }
      }
    }
    String path = rawPath == null ? "" : rawPath;
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty()
        ? Optional.empty()
        : Optional.of(URLDecoder.decode(last, StandardCharsets.UTF_8));
  }

  private static String confirmation() {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
        + "<h1>Unsubscribe</h1><p>Stop receiving these emails?</p>"
        + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
        + "<button type=\"submit\">Unsubscribe</button></form></body></html>\n";
  }

  private static String page(String title, String text) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head><body><h1>"
        + escape(title)
        + "</h1><p>"
        + escape(text)
        + "</p></body></html>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static void respond(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(1);
    worker.shutdown();
  }
}
