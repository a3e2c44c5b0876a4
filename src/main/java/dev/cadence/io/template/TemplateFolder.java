package dev.cadence.io.template;

import dev.cadence.validate.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Templates in {@code templates/NAME.md} and call scripts in {@code scripts/NAME.md} beside a
 * cadence.
 */
public final class TemplateFolder implements Library {
  /**
   * Names are plain file names: no separators, no "..", so a cadence cannot point outside its
   * folder.
   */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Path dir;

  public TemplateFolder(Path cadenceDir) {
    this.dir = cadenceDir;
  }

  public Path templatePath(String name) {
    return dir.resolve("templates").resolve(name + ".md");
  }

  public Path scriptPath(String name) {
    return dir.resolve("scripts").resolve(name + ".md");
  }

  @Override
  public boolean hasTemplate(String name) {
    return isSafe(name) && Files.isRegularFile(templatePath(name));
  }

  @Override
  public boolean hasScript(String name) {
    return isSafe(name) && Files.isRegularFile(scriptPath(name));
  }

  private static boolean isSafe(String name) {
    return SAFE_NAME.matcher(name).matches() && !name.contains("..");
  }
}
