package dev.cadence.io.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The file sources of {@code inbox}: a Maildir (its {@code new/} then {@code cur/} messages, in
 * name order), an mbox file (see {@link Mbox}), a folder of {@code .eml} files (in name order, not
 * recursing: subfolders are other mailboxes, e.g. Maildir++ folders, that a user names on their
 * own), one message file, or {@code -} for one message on standard input. Messages are handed over
 * one at a time, so memory stays flat whatever the mailbox's size.
 */
public final class MailSources {
  /** Receives the messages and the problems of the sources, in order. */
  public interface Sink {
    void message(SourcedMessage message);

    void problem(SourceProblem problem);
  }

  /**
   * A source that could not be read.
   *
   * @param missing the path names nothing (a usage error), rather than failing to read
   */
  public record SourceProblem(String source, String message, boolean missing) {}

  private MailSources() {}

  /** Reads every message of {@code path} ({@code -}: {@code stdin}) into {@code sink}. */
  public static void read(String path, InputStream stdin, Sink sink) {
    if (path.equals("-")) {
      try {
        sink.message(new SourcedMessage("-", stdin.readAllBytes()));
      } catch (IOException e) {
        sink.problem(new SourceProblem("-", "cannot read standard input: " + why(e), false));
      }
      return;
    }
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      sink.problem(new SourceProblem(path, "no such file or directory: " + path, true));
      return;
    }
    try {
      if (Files.isDirectory(p)) {
        if (Files.isDirectory(p.resolve("cur")) || Files.isDirectory(p.resolve("new"))) {
          maildir(p, sink);
        } else {
          for (Path file : files(p, true)) {
            file(file, sink);
          }
        }
      } else if (Mbox.looksLikeMbox(p)) {
        Mbox.read(p, sink);
      } else {
        file(p, sink);
      }
    } catch (IOException e) {
      sink.problem(new SourceProblem(path, "cannot read " + path + ": " + why(e), false));
    }
  }

  private static void maildir(Path dir, Sink sink) throws IOException {
    for (String sub : List.of("new", "cur")) {
      Path folder = dir.resolve(sub);
      if (Files.isDirectory(folder)) {
        for (Path file : files(folder, false)) {
          file(file, sink);
        }
      }
    }
  }

  private static void file(Path file, Sink sink) {
    try {
      sink.message(new SourcedMessage(file.toString(), Files.readAllBytes(file)));
    } catch (IOException e) {
      sink.problem(
          new SourceProblem(file.toString(), "cannot read " + file + ": " + why(e), false));
    }
  }

  /** Regular files of {@code dir} in name order; with {@code emlOnly} those named *.eml. */
  private static List<Path> files(Path dir, boolean emlOnly) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(entry)) {
          continue;
        }
        if (!emlOnly || name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
          files.add(entry);
        }
      }
    }
    files.sort(null);
    return files;
  }

  static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
