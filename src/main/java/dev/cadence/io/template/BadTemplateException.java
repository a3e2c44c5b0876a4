package dev.cadence.io.template;

/**
 * A template that cannot be rendered for anyone: unreadable, no subject, a tag outside what
 * templates may use. {@code validate} reports the same problems; {@code run} refuses such a cadence
 * before it sends anything. The message is one line that names the file.
 */
public final class BadTemplateException extends RuntimeException {
  public BadTemplateException(String message) {
    super(message);
  }
}
