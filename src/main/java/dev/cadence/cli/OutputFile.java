package dev.cadence.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option naming a file the command writes ({@code --out}, {@code --log}, {@code --rejects}): its
 * folder must exist, found when the arguments are read, before any work is done (exit 2).
 */
final class OutputFile implements ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    Path file = Path.of(value);
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new TypeConversionException("no such folder for " + value + ": " + dir);
    }
    return file;
  }
}
