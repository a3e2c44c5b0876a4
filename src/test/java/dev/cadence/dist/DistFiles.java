package dev.cadence.dist;

import dev.cadence.cli.Cli;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the distribution's generated files from the command line's own model, at build time
 * ({@code prepare-package}, see pom.xml): one AsciiDoc man page per command (picocli's
 * ManPageGenerator; Asciidoctor turns them into man pages next) and the bash, zsh and fish
 * completion scripts, as {@code cadence completion SHELL} prints them.
 *
 * <p>Kept with the tests because picocli-codegen must stay out of the runnable jar.
 */
public final class DistFiles {
  private DistFiles() {}

  /** {@code DistFiles OUTDIR}: writes OUTDIR/adoc/*.adoc and OUTDIR/completion/cadence.SHELL. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    int code =
        ManPageGenerator.generateManPage(
            out.resolve("adoc").toFile(),
            (File) null,
            new boolean[0],
            false,
            Cli.create(none, none).getCommandSpec());
    if (code != 0) {
      throw new IOException("the man pages could not be generated (exit " + code + ")");
    }
    Path completion = Files.createDirectories(out.resolve("completion"));
    for (String shell : new String[] {"bash", "zsh", "fish"}) {
      StringWriter script = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Cli.run(new PrintWriter(script), new PrintWriter(err), "completion", shell);
      if (exit != 0) {
        throw new IOException("cadence completion " + shell + " failed: " + err);
      }
      Files.writeString(
          completion.resolve("cadence." + shell), script.toString(), StandardCharsets.UTF_8);
    }
  }
}
