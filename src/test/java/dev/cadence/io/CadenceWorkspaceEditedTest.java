package dev.cadence.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.validate.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits are validated as if written, beside the files they would be written among, before any is
 * written.
 */
class CadenceWorkspaceEditedTest {
  @TempDir Path dir;

  @Test
  void theEditedTextIsWhatIsValidatedAndTheFileIsLeftAlone() throws Exception {
    Path file = dir.resolve("a.yaml");
    String good =
        "cadence: a\nexits: { done: {} }\nsteps:\n  - id: s\n    channel: task\n    next: { exit: done }\n";
    Files.writeString(file, good);
    byte[] broken =
        good.replace("channel: task", "channel: telegram").getBytes(StandardCharsets.UTF_8);

    var edited =
        CadenceWorkspace.prepare(List.of(file), Map.of(file.toAbsolutePath().normalize(), broken));
    assertThat(edited.result().count(Severity.ERROR)).isEqualTo(1);
    assertThat(edited.result().files().get(0).diagnostics().get(0).message()).contains("telegram");
    assertThat(Files.readString(file)).isEqualTo(good);
    assertThat(CadenceWorkspace.prepare(List.of(file)).result().count(Severity.ERROR)).isZero();
  }

  @Test
  void anEditIsCheckedAgainstItsSiblings() throws Exception {
    Path a = dir.resolve("a.yaml");
    String text = "cadence: a\nsteps:\n  - id: s\n    channel: task\n    next: { handoff: b }\n";
    Files.writeString(a, text);
    Files.writeString(dir.resolve("b.yaml"), "cadence: b\nsteps:\n  - id: s\n    channel: task\n");
    Path key = a.toAbsolutePath().normalize();
    var toSibling =
        CadenceWorkspace.prepare(List.of(a), Map.of(key, text.getBytes(StandardCharsets.UTF_8)));
    assertThat(toSibling.result().count(Severity.ERROR)).isZero();
    byte[] nowhere = text.replace("handoff: b", "handoff: c").getBytes(StandardCharsets.UTF_8);
    var edited = CadenceWorkspace.prepare(List.of(a), Map.of(key, nowhere));
    assertThat(edited.result().files().get(0).diagnostics())
        .anySatisfy(d -> assertThat(d.code().id()).isEqualTo("unknown-cadence"));
  }
}
