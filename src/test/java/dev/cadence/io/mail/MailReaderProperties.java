package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.inbox.Judge;
import dev.cadence.inbox.JudgeContext;
import dev.cadence.inbox.MailMessage;
import dev.cadence.inbox.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile mail never makes the reader or the judge throw: truncated multiparts, bad charsets and
 * transfer encodings, header floods, nested messages, random bytes and NULs each get a verdict with
 * a one-line reason.
 */
class MailReaderProperties {
  private static final Judge JUDGE = new Judge();
  private static final JudgeContext CONTEXT = JudgeContext.of(LocalDate.of(2026, 12, 18));

  private static final List<String> CHARSETS =
      List.of("utf-8", "iso-8859-1", "x-unknown-42", "", "utf-7", "iso-2022-jp", "\"", "utf-8*en");
  private static final List<String> ENCODINGS =
      List.of("base64", "quoted-printable", "7bit", "x-uuencode", "BASE64", "");
  private static final List<String> TYPES =
      List.of(
          "text/plain",
          "text/html",
          "message/delivery-status",
          "message/feedback-report",
          "message/rfc822",
          "application/octet-stream",
          "multipart/mixed",
          "multipart/report; report-type=delivery-status",
          "text/rfc822-headers",
          "garbage");

  @Provide
  Arbitrary<byte[]> hostileMessages() {
    Arbitrary<String> text =
        Arbitraries.strings().withCharRange((char) 0, (char) 0x2FF).ofMaxLength(200);
    Arbitrary<String> part =
        Combinators.combine(
                Arbitraries.of(TYPES),
                Arbitraries.of(CHARSETS),
                Arbitraries.of(ENCODINGS),
                text,
                Arbitraries.integers().between(0, 6))
            .as(MailReaderProperties::part);
    return Combinators.combine(
            part.list().ofMaxSize(5),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(true, false),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
        .as(MailReaderProperties::message);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
  }

  @Property(tries = 300)
  void hostileMimeGetsAVerdict(@ForAll("hostileMessages") byte[] raw) {
    judgedWithAReason(raw);
  }

  @Property(tries = 200)
  void randomBytesGetAVerdict(@ForAll("randomBytes") byte[] raw) {
    judgedWithAReason(raw);
  }

  @Property(tries = 3)
  void tenThousandHeadersAndDeepNesting(@ForAll("nestingDepths") int depth) {
    StringBuilder m = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      m.append("X-Flood-").append(i).append(": v\r\n");
    }
    m.append("From: MAILER-DAEMON@mx.example\r\nSubject: failure notice\r\n");
    for (int i = 0; i < depth; i++) {
      m.append("Content-Type: message/rfc822\r\n\r\n");
    }
    m.append("Content-Type: text/plain\r\n\r\n<a@b.example>:\r\n550 5.1.1 user unknown\r\n");
    MailMessage message = judgedWithAReason(m.toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(message.headers().fields()).hasSizeLessThanOrEqualTo(1000);
    assertThat(message.problems()).anyMatch(p -> p.contains("header fields"));
  }

  @Provide
  Arbitrary<Integer> nestingDepths() {
    return Arbitraries.of(1, 7, 50);
  }

  @Property(tries = 1)
  void aFiftyMegabyteAttachmentIsSkippedCheaply(@ForAll("nestingDepths") int ignored) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(52 << 20);
    out.writeBytes(
        ("From: ann@client.example\r\nSubject: files\r\nContent-Type: multipart/mixed;"
                + " boundary=\"X\"\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
                + "--X\r\nContent-Type: application/zip\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    byte[] line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\r\n".getBytes();
    while (out.size() < 50 << 20) {
      out.writeBytes(line);
    }
    out.writeBytes("--X--\r\n".getBytes(StandardCharsets.US_ASCII));
    long start = System.nanoTime();
    MailMessage message = judgedWithAReason(out.toByteArray());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(message.parts()).extracting(p -> p.text().length()).allMatch(n -> n < 1000);
    assertThat(millis).as("reading a 50 MB message").isLessThan(5_000);
  }

  private static MailMessage judgedWithAReason(byte[] raw) {
    MailMessage message = new MailReader().read(raw);
    Verdict verdict = JUDGE.judge(message, CONTEXT);
    assertThat(verdict.reason()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    assertThat(verdict.kind()).isNotBlank();
    return message;
  }

  private static String part(String type, String charset, String encoding, String text, int cut) {
    String body =
        switch (encoding.toLowerCase()) {
          case "base64" -> java.util.Base64.getMimeEncoder().encodeToString(text.getBytes()) + "=!";
          case "quoted-printable" -> text.replace("=", "=3D") + "=\r\n=Z";
          default -> text;
        };
    if (cut > 0 && body.length() > cut) {
      body = body.substring(0, body.length() - cut); // truncated content
    }
    return "Content-Type: "
        + type
        + (charset.isEmpty() ? "" : "; charset=" + charset)
        + "\r\nContent-Transfer-Encoding: "
        + encoding
        + "\r\n\r\n"
        + body;
  }

  private static byte[] message(
      List<String> parts, int truncation, boolean encodedWords, byte[] junk) {
    StringBuilder m = new StringBuilder();
    m.append("From: ")
        .append(encodedWords ? "=?x-bogus?B?AAAA?= <a@b.example>" : "MAILER-DAEMON@mx.example")
        .append("\r\nSubject: =?utf-8?Q?Delivery_=E2=80?= =?utf-8?B?////?=\r\n\tfailure notice")
        .append("\r\nX-Inject: =?utf-8?Q?a=0D=0ABcc:_evil@x.example?=")
        .append("\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
    for (String part : parts) {
      m.append("--b\r\n").append(part).append("\r\n");
    }
    if (truncation == 0) {
      m.append("--b--\r\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(m.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(junk);
    out.write(0);
    return out.toByteArray();
  }
}
