package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IMAP source against GreenMail's IMAP and IMAPS servers on loopback. */
class ImapMailboxTest {
  static final Path TEST_CERT = resource("mail/test-server.pem");

  GreenMail mail;
  GreenMailUser sophie;

  @BeforeEach
  void start() {
    mail =
        new GreenMail(
            new ServerSetup[] {
              ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.IMAPS.dynamicPort()
            });
    mail.start();
    sophie = mail.setUser("sophie@northwind.example", "sophie", "pa:ss@word");
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  static String message(int n) {
    return "From: lead"
        + n
        + "@acme.example\r\nTo: sophie@northwind.example\r\nSubject: Re: hello "
        + n
        + "\r\nMessage-ID: <m"
        + n
        + "@acme.example>\r\n\r\nThanks "
        + n
        + "\r\n";
  }

  void deliver(int from, int to) throws Exception {
    for (int n = from; n <= to; n++) {
      sophie.deliver(GreenMailUtil.newMimeMessage(message(n)));
    }
  }

  ImapSettings plain() {
    return ImapSettings.parse(
        "imap://sophie:pa%3Ass%40word@127.0.0.1:"
            + mail.getImap().getPort()
            + "/INBOX?starttls=false");
  }

  List<ImapMailbox.Fetched> read(ImapSettings s, long after) {
    List<ImapMailbox.Fetched> got = new ArrayList<>();
    try (ImapMailbox box = ImapMailbox.open(s, false)) {
      box.readAfter(after, got::add);
    }
    return got;
  }

  @Test
  void readsTheMessagesAboveAUidInOrderWholeAndUnread() throws Exception {
    deliver(1, 250); // more than one fetch batch
    List<ImapMailbox.Fetched> all = read(plain(), 0);
    assertThat(all).hasSize(250);
    assertThat(all).extracting(ImapMailbox.Fetched::uid).isSorted().doesNotHaveDuplicates();
    assertThat(new String(all.get(0).raw(), StandardCharsets.UTF_8))
        .contains("Message-ID: <m1@acme.example>")
        .contains("Thanks 1");
    List<ImapMailbox.Fetched> after = read(plain(), all.get(199).uid());
    assertThat(after).hasSize(50);
    assertThat(read(plain(), all.get(249).uid())).as("nothing above the last UID").isEmpty();
    // Reading never sets \Seen: a person still sees them as new.
    assertThat(mail.getReceivedMessages()[0].getFlags().contains(jakarta.mail.Flags.Flag.SEEN))
        .isFalse();
  }

  @Test
  void messagesArrivingDuringAReadAreLeftForTheNextReadNoneLostNoneTwice() throws Exception {
    deliver(1, 5);
    List<ImapMailbox.Fetched> first = new ArrayList<>();
    try (ImapMailbox box = ImapMailbox.open(plain(), false)) {
      box.readAfter(
          0,
          f -> {
            first.add(f);
            if (first.size() == 1) {
              try {
                deliver(6, 8);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          });
    }
    long last = first.get(first.size() - 1).uid();
    List<ImapMailbox.Fetched> second = read(plain(), last);
    List<String> ids = new ArrayList<>();
    for (ImapMailbox.Fetched f : first) {
      ids.add(messageId(f));
    }
    for (ImapMailbox.Fetched f : second) {
      ids.add(messageId(f));
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(8);
  }

  @Test
  void imapsWithAnExplicitTrustFileAndTheMailboxNameWithoutThePassword() throws Exception {
    deliver(1, 2);
    ImapSettings s =
        ImapSettings.parse(
            "imaps://sophie:pa%3Ass%40word@localhost:"
                + mail.getImaps().getPort()
                + "/INBOX?trust="
                + TEST_CERT);
    assertThat(read(s, 0)).hasSize(2);
    assertThat(s.mailbox())
        .isEqualTo("imaps://sophie@localhost:" + mail.getImaps().getPort() + "/INBOX");
    assertThat(s.toString()).doesNotContain("pa:ss");
  }

  @Test
  void imapsWithoutTrustInItsCertificateIsRefused() {
    ImapSettings s =
        ImapSettings.parse(
            "imaps://sophie:pa%3Ass%40word@localhost:" + mail.getImaps().getPort() + "/INBOX");
    assertThatThrownBy(() -> read(s, 0))
        .isInstanceOf(ImapMailbox.MailboxException.class)
        .hasMessageStartingWith("cannot log in to imaps://sophie@localhost:")
        .hasMessageNotContaining("pa:ss");
  }

  @Test
  void aWrongPasswordOrFolderIsOneLineWithoutThePassword() {
    ImapSettings wrong =
        ImapSettings.parse(
            "imap://sophie:nope@127.0.0.1:" + mail.getImap().getPort() + "/INBOX?starttls=false");
    assertThatThrownBy(() -> read(wrong, 0))
        .isInstanceOf(ImapMailbox.MailboxException.class)
        .hasMessageContaining("cannot log in")
        .hasMessageNotContaining("nope");
    ImapSettings folder =
        ImapSettings.parse(
            "imap://sophie:pa%3Ass%40word@127.0.0.1:"
                + mail.getImap().getPort()
                + "/Nowhere?starttls=false");
    assertThatThrownBy(() -> read(folder, 0)).hasMessageContaining("no folder Nowhere");
  }

  @Test
  void urlsAreCheckedAndTheirPasswordNeverShown() {
    assertThat(ImapSettings.parse("imaps://u@mail.example.com").port()).isEqualTo(993);
    assertThat(ImapSettings.parse("imaps://u@mail.example.com").folder()).isEqualTo("INBOX");
    assertThat(ImapSettings.parse("imap://u@h/Sent%20Items").folder()).isEqualTo("Sent Items");
    assertThatThrownBy(() -> ImapSettings.parse("pop3://u:secret@h/INBOX"))
        .hasMessageContaining("use imap:// or imaps://")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> ImapSettings.parse("imaps://u:secret@h/INBOX?starttls=true"))
        .hasMessageContaining("TLS from the start");
    assertThatThrownBy(() -> ImapSettings.parse("imap://u:secret@h/INBOX?colour=red"))
        .hasMessageContaining("unknown parameter `colour`")
        .hasMessageNotContaining("secret");
  }

  private static String messageId(ImapMailbox.Fetched f) {
    String text = new String(f.raw(), StandardCharsets.UTF_8);
    int i = text.indexOf("Message-ID: <");
    return text.substring(i + 13, text.indexOf('>', i));
  }

  private static Path resource(String name) {
    try {
      return Path.of(ImapMailboxTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
