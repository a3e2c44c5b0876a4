package dev.cadence.inbox;

import dev.cadence.io.mail.MailReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Messages written in tests as text, read by the real reader, judged by the real judge. */
final class Mail {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 18);
  static final JudgeContext CONTEXT = JudgeContext.of(TODAY);

  private Mail() {}

  /** {@code text} with LF line ends turned into the CRLF of the wire. */
  static MailMessage of(String text) {
    return new MailReader().read(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  static Verdict judge(String text) {
    return new Judge().judge(of(text), CONTEXT);
  }

  static Verdict judge(String text, JudgeContext context) {
    return new Judge().judge(of(text), context);
  }
}
