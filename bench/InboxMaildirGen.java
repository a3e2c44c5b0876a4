import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a Maildir of N mixed messages for bench/inbox-maildir.sh: the hand-written cases of
 * src/test/resources/inbox (bounces of several server styles, a DSN of a delivery, auto-replies in
 * French, German and Spanish, a reply quoting our email, a newsletter) plus an English
 * out-of-office and an RFC 5965 complaint, round robin, each with its own Message-ID and addresses.
 * JDK only: java bench/InboxMaildirGen.java DIR N
 */
public class InboxMaildirGen {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    List<String> templates = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/inbox"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
        templates.add(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    templates.add(
        "From: Kim <kim@client.example>\nTo: sales@ours.example\nDate: Fri, 18 Dec 2026 09:00:00 +0000\n"
            + "Subject: Out of Office: Hello\nAuto-Submitted: auto-replied\n\n"
            + "I am out of the office until 21 December with limited access to email.\n");
    templates.add(
        "From: fbl@isp.example\nTo: abuse@ours.example\nSubject: complaint\n"
            + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\n\n"
            + "--F\nContent-Type: text/plain\n\nAn abuse report.\n--F\n"
            + "Content-Type: message/feedback-report\n\nFeedback-Type: abuse\nVersion: 1\n"
            + "Original-Rcpt-To: <ann@client.example>\n\n--F\nContent-Type: message/rfc822\n\n"
            + "From: sales@ours.example\nTo: ann@client.example\nSubject: Hello\n\nHi\n--F--\n");
    Files.createDirectories(dir.resolve("new"));
    Files.createDirectories(dir.resolve("cur"));
    Files.createDirectories(dir.resolve("tmp"));
    for (int i = 0; i < n; i++) {
      String m = templates.get(i % templates.size());
      m = m.replace("client.example", "client" + (i % 997) + ".example");
      m =
          "Message-ID: <bench."
              + i
              + "@mx.example>\n"
              + m.replaceFirst("(?im)^Message-ID:.*\n", "");
      Path file = dir.resolve((i % 2 == 0 ? "new/" : "cur/") + String.format("%08d.bench", i));
      Files.writeString(file, m.replace("\n", "\r\n"), StandardCharsets.ISO_8859_1);
    }
  }
}
