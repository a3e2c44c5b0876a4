package dev.cadence.io.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An mbox file: messages separated by {@code From } lines at the start of the file or after a blank
 * line (mboxo and mboxrd). Body lines that the writer escaped as {@code >From } (mboxrd: any number
 * of {@code >}) lose one {@code >}. Read as a stream, one message at a time.
 */
final class Mbox {
  private Mbox() {}

  static boolean looksLikeMbox(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(5);
      return head.length == 5
          && head[0] == 'F'
          && head[1] == 'r'
          && head[2] == 'o'
          && head[3] == 'm'
          && head[4] == ' ';
    }
  }

  static void read(Path file, MailSources.Sink sink) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      boolean previousBlank = true;
      boolean inMessage = false;
      int n = 0;
      while (readLine(in, line)) {
        byte[] bytes = line.toByteArray();
        if (previousBlank && startsWith(bytes, 0, "From ")) {
          if (inMessage) {
            sink.message(new SourcedMessage(file + "#" + ++n, withoutLastBlank(message)));
          }
          message.reset();
          inMessage = true;
          previousBlank = false;
          continue;
        }
        int gt = 0;
        while (gt < bytes.length && bytes[gt] == '>') {
          gt++;
        }
        if (gt > 0 && startsWith(bytes, gt, "From ")) {
          message.write(bytes, 1, bytes.length - 1);
        } else {
          message.write(bytes, 0, bytes.length);
        }
        previousBlank = isBlank(bytes);
      }
      if (inMessage) {
        sink.message(new SourcedMessage(file + "#" + ++n, message.toByteArray()));
      }
    }
  }

  /** Reads one line with its line break; false at the end of the stream. */
  private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        return true;
      }
    }
    return line.size() > 0;
  }

  private static boolean startsWith(byte[] bytes, int from, String prefix) {
    if (bytes.length - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte[] line) {
    return line.length == 0
        || line.length == 1 && line[0] == '\n'
        || line.length == 2 && line[0] == '\r' && line[1] == '\n';
  }

  /** The blank line before a separator belongs to the separator, not to the message. */
  private static byte[] withoutLastBlank(ByteArrayOutputStream message) {
    byte[] bytes = message.toByteArray();
    int end = bytes.length;
    if (end >= 2 && bytes[end - 1] == '\n' && bytes[end - 2] == '\n') {
      end--;
    } else if (end >= 4
        && bytes[end - 1] == '\n'
        && bytes[end - 2] == '\r'
        && bytes[end - 3] == '\n') {
      end -= 2;
    }
    return Arrays.copyOf(bytes, end);
  }
}
