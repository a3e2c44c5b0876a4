package dev.cadence.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code cadence --version} prints: the version, the commit and the date of the build, which
 * Maven writes into {@code build.properties} (see pom.xml).
 *
 * <p>A version provider rather than a fixed string in the command's model: the file is read only
 * when the version is asked for, never on the way to any other command.
 */
final class BuildInfo implements IVersionProvider {
  static final String RESOURCE = "build.properties";

  /** The version of this build ({@code 0.1.0}), or "unknown version" outside a Maven build. */
  static String version() {
    return value(read(), "version", "unknown version");
  }

  /**
   * Two lines: {@code cadence VERSION}, then {@code commit ABBREV, built DATE}; "unknown commit"
   * when the build had no git checkout to ask (a source archive).
   */
  static String[] lines() {
    return lines(read());
  }

  /** The version lines from the given build properties. */
  static String[] lines(Properties p) {
    String commit = value(p, "commit", "unknown");
    return new String[] {
      "cadence " + value(p, "version", "unknown version"),
      (commit.equals("unknown") ? "unknown commit" : "commit " + commit)
          + ", built "
          + value(p, "date", "at an unknown date")
    };
  }

  @Override
  public String[] getVersion() {
    return lines();
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // A damaged jar: the version line says what it cannot tell.
    }
    return p;
  }

  /** The value, unless missing, empty or left unfiltered (a build that did not set it). */
  private static String value(Properties p, String key, String otherwise) {
    String v = p.getProperty(key, "").strip();
    return v.isEmpty() || v.contains("${") ? otherwise : v;
  }
}
