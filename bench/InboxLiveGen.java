import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes what comes back after bench/inbox.sh's tick, as a Maildir of one message per lead of
 * LEADS.csv (the first N leads), each answering the email `run` sent it (cadence `bench`, step
 * `intro`, from sales@northwind.example): in turn a reply quoting it, a hard bounce (RFC 3464, the
 * original's headers attached), an out-of-office with a return date, a spam complaint (RFC 5965),
 * and a message from no lead at all. JDK only: java bench/InboxLiveGen.java LEADS.csv DIR N
 */
public class InboxLiveGen {
  public static void main(String[] args) throws Exception {
    List<String> rows = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    for (String sub : List.of("new", "cur", "tmp")) {
      Files.createDirectories(dir.resolve(sub));
    }
    for (int i = 1; i <= n && i < rows.size(); i++) {
      String[] f = rows.get(i).split(",", -1);
      String lead = f[0];
      String email = f[1];
      String ours = messageId("bench", lead, "intro", 1, "northwind.example");
      String m =
          switch (i % 5) {
            case 0 -> reply(i, email, ours);
            case 1 -> bounce(i, email, ours);
            case 2 -> outOfOffice(i, email);
            case 3 -> complaint(i, email, ours);
            default -> stranger(i);
          };
      Path file = dir.resolve((i % 2 == 0 ? "new/" : "cur/") + String.format("%08d.bench", i));
      Files.writeString(file, m.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    }
  }

  /** The Message-ID `run` gives the email of (cadence, lead, step, visit). */
  static String messageId(String cadence, String lead, String step, int visit, String domain)
      throws Exception {
    String key = cadence + "\0" + lead + "\0" + step + "\0" + visit;
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    return "cadence." + HexFormat.of().formatHex(digest, 0, 16) + "@" + domain;
  }

  static String reply(int i, String email, String ours) {
    return "From: "
        + email
        + "\nTo: sales@northwind.example\nSubject: Re: Hello\n"
        + "Message-ID: <reply."
        + i
        + "@client.example>\nIn-Reply-To: <"
        + ours
        + ">\n"
        + "Date: Tue, 01 Dec 2026 14:00:00 +0000\n\nThanks, call me on Thursday.\n\n"
        + "On Tue, 1 Dec 2026, sales@northwind.example wrote:\n> Hi there,\n> a short note.\n";
  }

  static String bounce(int i, String email, String ours) {
    return "From: Mail Delivery System <MAILER-DAEMON@mx.client.example>\n"
        + "To: sales@northwind.example\nSubject: Undelivered Mail Returned to Sender\n"
        + "Message-ID: <bounce."
        + i
        + "@mx.client.example>\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
        + "--B\nContent-Type: text/plain\n\nThis is the mail system. Your message could not be delivered.\n"
        + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.client.example\n\n"
        + "Final-Recipient: rfc822; "
        + email
        + "\nAction: failed\nStatus: 5.1.1\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 <"
        + email
        + ">: Recipient address rejected: User unknown\n"
        + "--B\nContent-Type: text/rfc822-headers\n\nFrom: sales@northwind.example\nTo: "
        + email
        + "\nMessage-ID: <"
        + ours
        + ">\nSubject: Hello\n--B--\n";
  }

  static String outOfOffice(int i, String email) {
    return "From: "
        + email
        + "\nTo: sales@northwind.example\nSubject: Automatic reply: Hello\n"
        + "Auto-Submitted: auto-replied\nMessage-ID: <ooo."
        + i
        + "@client.example>\n"
        + "Date: Tue, 01 Dec 2026 10:00:00 +0000\n\n"
        + "I am out of the office until 14 December and will reply when I am back.\n";
  }

  static String complaint(int i, String email, String ours) {
    return "From: fbl@isp.example\nTo: sales@northwind.example\nSubject: Abuse report\n"
        + "Message-ID: <arf."
        + i
        + "@isp.example>\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\n\n"
        + "--F\nContent-Type: text/plain\n\nAn abuse report.\n--F\n"
        + "Content-Type: message/feedback-report\n\nFeedback-Type: abuse\nVersion: 1\n"
        + "Original-Rcpt-To: <"
        + email
        + ">\n\n--F\nContent-Type: message/rfc822\n\n"
        + "From: sales@northwind.example\nTo: "
        + email
        + "\nMessage-ID: <"
        + ours
        + ">\nSubject: Hello\n\nHi\n--F--\n";
  }

  static String stranger(int i) {
    return "From: newsletter@vendor.example\nTo: sales@northwind.example\nSubject: Our December news\n"
        + "List-Id: <news.vendor.example>\nPrecedence: bulk\nMessage-ID: <news."
        + i
        + "@vendor.example>\n\nAll the news.\n";
  }
}
