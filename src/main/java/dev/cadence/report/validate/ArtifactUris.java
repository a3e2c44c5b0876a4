package dev.cadence.report.validate;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a SARIF log says a file is. A file under the working directory is a relative reference
 * against the base id {@link #BASE_ID}, which {@link #rootUri} resolves: code-scanning UIs match
 * such paths to the checkout, and the log does not depend on where the checkout was. A file outside
 * it is an absolute {@code file:} URI: a bare absolute path would be a relative reference starting
 * with '/', which SARIF forbids with a base id and consumers cannot resolve without one.
 */
final class ArtifactUris {
  /** The conventional name of the source root in SARIF logs. */
  static final String BASE_ID = "%SRCROOT%";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A file's {@code artifactLocation}: its URI, and {@link #BASE_ID} when the URI is relative. */
  record Location(String uri, boolean relative) {}

  private final Path root;

  /**
   * @param root the working directory, against which the paths given on the command line resolve
   */
  ArtifactUris(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The absolute {@code file:} URI of the root, ending with '/' as a base URI must. */
  String rootUri() {
    String uri = fileUri(root);
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** Where {@code file}, as the diagnostics name it, is. */
  Location of(String file) {
    Path path;
    try {
      path = root.resolve(file).normalize();
    } catch (InvalidPathException e) {
      return new Location(encode(file.replace('\\', '/')), true); // not a path: keep its text
    }
    if (path.startsWith(root) && !path.equals(root)) {
      return new Location(encode(root.relativize(path).toString().replace('\\', '/')), true);
    }
    return new Location(fileUri(path), false);
  }

  /** An absolute path as a {@code file:} URI: file:///srv/x.yaml, file:///C:/work/x.yaml. */
  static String fileUri(Path absolute) {
    String path = absolute.toString().replace('\\', '/');
    StringBuilder out = new StringBuilder(path.length() + 8).append("file://");
    if (!path.startsWith("/")) {
      out.append('/');
    }
    // A Windows drive keeps its colon ("C:"): it is part of the path, not a scheme, after
    // "file:///".
    if (path.length() >= 2 && path.charAt(1) == ':' && isAsciiLetter(path.charAt(0))) {
      out.append(path, 0, 2);
      path = path.substring(2);
    }
    return out.append(encode(path)).toString();
  }

  /**
   * A path as RFC 3986 URI path characters: '/' separators kept, every byte outside the unreserved
   * set percent-encoded (a space, '%' or ':' would otherwise make an invalid or different URI).
   */
  static String encode(String path) {
    StringBuilder out = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isAsciiLetter(c)
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
