import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An IMAP server on loopback for bench/inbox.sh: GreenMail (a test dependency), user sales / pw,
 * its INBOX filled with every message of a Maildir. Writes its port to PORT_FILE once ready and
 * runs until killed. Run with the test class path: java -cp CP bench/ImapBenchServer.java MAILDIR
 * PORT_FILE
 */
public class ImapBenchServer {
  public static void main(String[] args) throws Exception {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    mail.start();
    GreenMailUser sales = mail.setUser("sales@northwind.example", "sales", "pw");
    List<Path> files;
    try (Stream<Path> n = Files.list(Path.of(args[0], "new"));
        Stream<Path> c = Files.list(Path.of(args[0], "cur"))) {
      files = Stream.concat(n, c).sorted().toList();
    }
    for (Path f : files) {
      sales.deliver(GreenMailUtil.newMimeMessage(Files.readString(f, StandardCharsets.UTF_8)));
    }
    Files.writeString(Path.of(args[1]), mail.getImap().getPort() + "\n");
    Thread.currentThread().join();
  }
}
