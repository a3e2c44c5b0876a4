package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maildir, mbox, folder, file and stdin sources, in order, with their source names. */
class MailSourcesTest {
  @TempDir Path dir;

  private final List<SourcedMessage> messages = new ArrayList<>();
  private final List<MailSources.SourceProblem> problems = new ArrayList<>();
  private final MailSources.Sink sink =
      new MailSources.Sink() {
        @Override
        public void message(SourcedMessage message) {
          messages.add(message);
        }

        @Override
        public void problem(MailSources.SourceProblem problem) {
          problems.add(problem);
        }
      };

  @Test
  void maildirReadsNewThenCurInNameOrder() throws IOException {
    Path md = dir.resolve("Maildir");
    Files.createDirectories(md.resolve("new"));
    Files.createDirectories(md.resolve("cur"));
    Files.createDirectories(md.resolve("tmp"));
    Files.writeString(md.resolve("cur/1.b:2,S"), "Subject: c\n\n");
    Files.writeString(md.resolve("new/2.a"), "Subject: b\n\n");
    Files.writeString(md.resolve("new/1.a"), "Subject: a\n\n");
    Files.writeString(md.resolve("tmp/0.x"), "Subject: never\n\n");

    MailSources.read(md.toString(), inputOf(""), sink);

    assertThat(messages)
        .extracting(m -> new String(m.raw(), StandardCharsets.UTF_8))
        .containsExactly("Subject: a\n\n", "Subject: b\n\n", "Subject: c\n\n");
    assertThat(messages.get(0).source()).endsWith("new/1.a");
  }

  @Test
  void mboxSplitsOnFromLinesAndUnescapesFromInBodies() throws IOException {
    Path mbox = dir.resolve("box.mbox");
    Files.writeString(
        mbox,
        "From a@x Fri Dec 18 09:00:00 2026\nSubject: one\n\nHello\nFrom here on\n>From the top\n>>From deeper\n\n"
            + "From b@x Fri Dec 18 09:01:00 2026\nSubject: two\n\nbody\n");

    MailSources.read(mbox.toString(), inputOf(""), sink);

    assertThat(messages)
        .extracting(SourcedMessage::source)
        .containsExactly(mbox + "#1", mbox + "#2");
    assertThat(new String(messages.get(0).raw(), StandardCharsets.UTF_8))
        .isEqualTo("Subject: one\n\nHello\nFrom here on\nFrom the top\n>From deeper\n");
  }

  @Test
  void folderReadsOnlyEmlFilesInNameOrderAndStdinIsDash() throws IOException {
    Files.writeString(dir.resolve("b.eml"), "Subject: b\n\n");
    Files.writeString(dir.resolve("a.eml"), "Subject: a\n\n");
    Files.writeString(dir.resolve("notes.txt"), "not mail");

    MailSources.read(dir.toString(), inputOf(""), sink);
    MailSources.read("-", inputOf("Subject: s\n\n"), sink);

    assertThat(messages)
        .extracting(m -> Path.of(m.source()).getFileName().toString())
        .containsExactly("a.eml", "b.eml", "-");
    assertThat(messages.get(2).contentHash()).hasSize(64);
  }

  @Test
  void aMissingPathIsAProblemNotAnException() {
    MailSources.read(dir.resolve("nope").toString(), inputOf(""), sink);
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.missing()).isTrue());
  }

  private static ByteArrayInputStream inputOf(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
