import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server on loopback for bench/run.sh: accepts every message and throws it away,
 * counting them. Run as a single-file program: java bench/SmtpSink.java PORT_FILE COUNT_FILE. It
 * binds an ephemeral port on 127.0.0.1 and writes it to PORT_FILE; on exit (SIGTERM) it writes the
 * number of messages accepted to COUNT_FILE.
 */
public class SmtpSink {
  static final AtomicLong messages = new AtomicLong();

  public static void main(String[] args) throws Exception {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Path countFile = Path.of(args[1]);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.writeString(countFile, messages.get() + "\n");
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                }));
    Files.writeString(Path.of(args[0]), server.getLocalPort() + "\n");
    while (true) {
      Socket s = server.accept();
      Thread t = new Thread(() -> serve(s));
      t.setDaemon(true);
      t.start();
    }
  }

  static void serve(Socket s) {
    try (s) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = s.getOutputStream();
      reply(out, "220 sink ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (verb) {
          case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 ok");
          case "DATA" -> {
            reply(out, "354 go ahead");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // discard
            }
            messages.incrementAndGet();
            reply(out, "250 2.0.0 accepted");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (Exception e) {
      // a client that hangs up is no news
    }
  }

  static void reply(OutputStream out, String text) throws Exception {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
