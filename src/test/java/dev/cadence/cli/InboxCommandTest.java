package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cadence inbox --dry-run} through the real command line, on every kind of source. */
class InboxCommandTest {
  private static final String NOW = "2026-12-18T10:00:00Z";

  private static final String BOUNCE =
      """
      From: MAILER-DAEMON@mx.ours.example
      To: sales@ours.example
      Subject: failure notice
      Message-ID: <b1@mx.ours.example>

      Hi. This is the qmail-send program at mx.ours.example.
      I'm afraid I wasn't able to deliver your message to the following addresses.
      This is a permanent error; I've given up. Sorry it didn't work out.

      <ann@client.example>:
      Remote host said: 550 5.1.1 user unknown
      """;

  private static final String OOO =
      """
      From: Bob <bob@client.example>
      To: sales@ours.example
      Date: Fri, 18 Dec 2026 09:00:00 +0000
      Subject: Automatic reply: Hello
      Auto-Submitted: auto-replied

      Back on January 4.
      """;

  private static final String REPLY =
      """
      From: Cid <cid@client.example>
      To: sales@ours.example
      Subject: Re: Hello
      In-Reply-To: <cadence.0123456789abcdef0123456789abcdef@ours.example>

      Call me.
      """;

  @TempDir Path dir;

  @Test
  void maildirAsJsonHasExactlyTheContractKeys() throws Exception {
    Path md = dir.resolve("Maildir");
    Files.createDirectories(md.resolve("new"));
    Files.createDirectories(md.resolve("cur"));
    Files.writeString(md.resolve("new/1"), BOUNCE);
    Files.writeString(md.resolve("new/2"), OOO);
    Files.writeString(md.resolve("cur/3:2,S"), REPLY);

    CliHarness.CliResult r =
        CliHarness.run("inbox", "--dry-run", "--format", "json", "--now", NOW, md.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode list = new ObjectMapper().readTree(r.out());
    assertThat(list).hasSize(3);
    for (JsonNode o : list) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .containsExactly(
              "source",
              "message_id",
              "kind",
              "recipients",
              "until",
              "lead_id",
              "cadence",
              "step",
              "action",
              "reason");
      assertThat(o.get("lead_id").isNull()).isTrue();
    }
    assertThat(list.get(0).get("kind").asText()).isEqualTo("bounce");
    assertThat(list.get(0).get("message_id").asText()).isEqualTo("b1@mx.ours.example");
    JsonNode recipient = list.get(0).get("recipients").get(0);
    assertThat(recipient.get("address").asText()).isEqualTo("ann@client.example");
    assertThat(recipient.get("status").asText()).isEqualTo("5.1.1");
    assertThat(recipient.get("class").asText()).isEqualTo("hard");
    assertThat(list.get(0).get("action").asText())
        .isEqualTo("would suppress ann@client.example and end its enrollments");
    assertThat(list.get(1).get("kind").asText()).isEqualTo("auto_reply");
    assertThat(list.get(1).get("until").asText()).isEqualTo("2027-01-04");
    assertThat(list.get(1).get("action").asText()).contains("until 2027-01-05");
    assertThat(list.get(2).get("kind").asText()).isEqualTo("reply");
    assertThat(list.get(2).get("message_id").isNull()).isTrue();
  }

  @Test
  void mboxFolderAndOneFileAsText() throws Exception {
    Path mbox = dir.resolve("in.mbox");
    Files.writeString(
        mbox,
        "From x Fri Dec 18 09:00:00 2026\n"
            + BOUNCE
            + "\nFrom y Fri Dec 18 09:00:00 2026\n"
            + REPLY);
    Path folder = Files.createDirectories(dir.resolve("emls"));
    Files.writeString(folder.resolve("a.eml"), OOO);
    Path one = dir.resolve("one.eml");
    Files.writeString(one, REPLY);

    CliHarness.CliResult r =
        CliHarness.run(
            "inbox", "--dry-run", "--now", NOW, mbox.toString(), folder.toString(), one.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith(mbox + "#1  bounce");
    assertThat(lines.get(1)).startsWith(mbox + "#2  reply");
    assertThat(lines.get(2)).contains("a.eml  auto_reply");
    assertThat(lines.get(4)).isEqualTo("4 messages: bounce 1, auto_reply 1, reply 2");

    // From cron: nothing on standard output when all went well.
    CliHarness.CliResult quiet =
        CliHarness.run("inbox", "--dry-run", "-q", "--now", NOW, mbox.toString(), one.toString());
    assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
    assertThat(quiet.out()).isEmpty();
  }

  @Test
  void stdinIsOneMessage() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(OOO.getBytes(StandardCharsets.UTF_8)));
      CliHarness.CliResult r =
          CliHarness.run("inbox", "--dry-run", "--format", "json", "--now", NOW, "-");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).contains("\"source\" : \"-\"").contains("\"kind\" : \"auto_reply\"");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void aMissingPathIsOneLineAndTheOthersStillRun() throws Exception {
    Path one = dir.resolve("one.eml");
    Files.writeString(one, REPLY);

    CliHarness.CliResult r =
        CliHarness.run("inbox", "--dry-run", dir.resolve("nope").toString(), one.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("error: no such file or directory: ");
    assertThat(r.out()).contains("one.eml  reply");
  }

  @Test
  void anUnreadableFileExitsThreeAfterTheRest() throws Exception {
    Path unreadable = Path.of("/proc/self/mem"); // read(2) at offset 0 fails, even for root
    assumeTrue(Files.exists(unreadable));
    Path one = dir.resolve("one.eml");
    Files.writeString(one, REPLY);

    CliHarness.CliResult r =
        CliHarness.run("inbox", "--dry-run", unreadable.toString(), one.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("error: cannot read /proc/self/mem");
    assertThat(r.out()).contains("one.eml  reply");
  }

  @Test
  void actingNeedsTheStoreThatEnrollCreated() {
    CliHarness.CliResult r =
        CliHarness.run("inbox", "--db", dir.resolve("none.db").toString(), dir.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: no state store at");
  }

  @Test
  void withoutAnyMailboxItSaysWhereToRead() {
    CliHarness.CliResult r = CliHarness.run("inbox", "--dry-run");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--imap").contains("PATH");
  }
}
