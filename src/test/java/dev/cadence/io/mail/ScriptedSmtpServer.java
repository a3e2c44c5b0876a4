package dev.cadence.io.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server on loopback whose replies a test scripts, for what GreenMail cannot do: stay
 * silent or hang up at a chosen point, refuse a recipient with 4xx or 5xx, offer STARTTLS. Each
 * step answers with a reply line, {@link #SILENT} (read on, never answer) or {@link #DROP} (close);
 * a reply after {@link #trickle} goes out one byte at a time.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  static final String SILENT = "<silent>";
  static final String DROP = "<drop>";

  /** {@code trickle(500) + "250 ok"}: the reply one byte every 500 ms, as a tarpit does. */
  static String trickle(int millis) {
    return "<trickle:" + millis + ">";
  }

  /** The points at which the server answers. */
  enum Step {
    GREETING,
    EHLO,
    STARTTLS,
    MAIL,
    RCPT,
    DATA,
    END_OF_DATA,
    RSET,
    QUIT
  }

  private final ServerSocket server;
  private final Map<Step, String> replies = new EnumMap<>(Step.class);
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private final SSLContext tls;
  private volatile int dropAfterMessages = Integer.MAX_VALUE;
  private final Thread acceptor;

  private ScriptedSmtpServer(InetAddress bind, SSLContext tls) throws IOException {
    this.tls = tls;
    replies.put(Step.GREETING, "220 scripted ESMTP");
    replies.put(Step.EHLO, "250-scripted\r\n250 " + (tls != null ? "STARTTLS" : "8BITMIME"));
    replies.put(Step.STARTTLS, "220 go ahead");
    replies.put(Step.MAIL, "250 sender ok");
    replies.put(Step.RCPT, "250 recipient ok");
    replies.put(Step.DATA, "354 end with <CRLF>.<CRLF>");
    replies.put(Step.END_OF_DATA, "250 2.0.0 queued as 42");
    replies.put(Step.RSET, "250 reset");
    replies.put(Step.QUIT, "221 bye");
    server = new ServerSocket();
    server.bind(new InetSocketAddress(bind, 0));
    acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
  }

  static ScriptedSmtpServer start() throws IOException {
    return start(InetAddress.getLoopbackAddress(), null);
  }

  /** A server on {@code bind}; with {@code tls}, it offers STARTTLS with that context's key. */
  static ScriptedSmtpServer start(InetAddress bind, SSLContext tls) throws IOException {
    ScriptedSmtpServer s = new ScriptedSmtpServer(bind, tls);
    s.acceptor.start();
    return s;
  }

  ScriptedSmtpServer on(Step step, String reply) {
    replies.put(step, reply);
    return this;
  }

  /** Hang up after accepting this many messages on a connection, as servers do with idle ones. */
  ScriptedSmtpServer dropAfterMessages(int n) {
    dropAfterMessages = n;
    return this;
  }

  int port() {
    return server.getLocalPort();
  }

  String host() {
    return server.getInetAddress().getHostAddress();
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  List<String> bodies() {
    return List.copyOf(bodies);
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(socket), "scripted-smtp-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try {
      Socket s = socket;
      BufferedReader in = reader(s);
      OutputStream out = s.getOutputStream();
      if (!answer(Step.GREETING, out)) {
        return;
      }
      int messages = 0;
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        Step step =
            switch (verb) {
              case "EHLO", "HELO" -> Step.EHLO;
              case "STAR" -> Step.STARTTLS;
              case "MAIL" -> Step.MAIL;
              case "RCPT" -> Step.RCPT;
              case "DATA" -> Step.DATA;
              case "RSET" -> Step.RSET;
              case "QUIT" -> Step.QUIT;
              default -> null;
            };
        if (step == null) {
          write(out, "502 not implemented");
          continue;
        }
        if (!answer(step, out)) {
          return;
        }
        if (step == Step.STARTTLS && tls != null && replies.get(step).startsWith("220")) {
          SSLSocket secure =
              (SSLSocket)
                  tls.getSocketFactory()
                      .createSocket(s, s.getInetAddress().getHostAddress(), s.getPort(), true);
          secure.setUseClientMode(false);
          secure.startHandshake();
          open.add(secure);
          s = secure;
          in = reader(s);
          out = s.getOutputStream();
        } else if (step == Step.DATA && replies.get(step).startsWith("354")) {
          StringBuilder body = new StringBuilder();
          while ((line = in.readLine()) != null && !line.equals(".")) {
            body.append(line).append('\n');
          }
          if (line == null) {
            return;
          }
          bodies.add(body.toString());
          messages++;
          if (!answer(Step.END_OF_DATA, out)) {
            return;
          }
          if (messages >= dropAfterMessages) {
            s.close();
            return;
          }
        } else if (step == Step.QUIT) {
          s.close();
          return;
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to report
    }
  }

  /** Sends the scripted reply; false when the script says to stop answering on this connection. */
  private boolean answer(Step step, OutputStream out) throws IOException {
    String reply = replies.get(step);
    if (reply.equals(SILENT)) {
      return false; // keep the socket open and say nothing; close() ends it
    }
    if (reply.equals(DROP)) {
      out.close();
      return false;
    }
    if (reply.startsWith("<trickle:")) {
      int end = reply.indexOf('>');
      long millis = Long.parseLong(reply.substring("<trickle:".length(), end));
      for (byte b : (reply.substring(end + 1) + "\r\n").getBytes(StandardCharsets.US_ASCII)) {
        out.write(b);
        out.flush();
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
    write(out, reply);
    return true;
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    try {
      server.close();
      synchronized (open) {
        for (Socket s : open) {
          s.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
