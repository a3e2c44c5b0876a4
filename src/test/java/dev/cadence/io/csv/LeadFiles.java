package dev.cadence.io.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test lead lists byte for byte (UTF-8 text, optionally with raw bytes spliced in). */
final class LeadFiles {
  private LeadFiles() {}

  static Path write(Path dir, String name, String text) {
    return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Concatenates strings (as UTF-8) and byte arrays. */
  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      byte[] b =
          part instanceof byte[] ? (byte[]) part : part.toString().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }
}
