package dev.cadence.io.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * The fields of an RFC 3464 {@code message/delivery-status} part as Angus Mail's DSN support reads
 * them: the per-message block, then one block per recipient, each field unfolded onto one line.
 * When its parser refuses the part (servers do write broken reports), the text is kept as it was
 * and the judge reads the fields itself.
 */
final class DeliveryStatusText {
  private DeliveryStatusText() {}

  static String normalize(String text) {
    try {
      DeliveryStatus status =
          new DeliveryStatus(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
      StringBuilder out = new StringBuilder(text.length());
      block(status.getMessageDSN(), out);
      for (int i = 0; i < status.getRecipientDSNCount(); i++) {
        out.append("\r\n");
        block(status.getRecipientDSN(i), out);
      }
      return status.getRecipientDSNCount() == 0 ? text : out.toString();
    } catch (MessagingException | IOException | RuntimeException e) {
      return text;
    }
  }

  private static void block(InternetHeaders fields, StringBuilder out) {
    for (Enumeration<String> lines = fields.getAllHeaderLines(); lines.hasMoreElements(); ) {
      out.append(lines.nextElement().replaceAll("\r?\n[ \t]+", " ")).append("\r\n");
    }
  }
}
