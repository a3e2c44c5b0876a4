package dev.cadence.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The port that turns a step's template and a lead's fields into a subject and body. Lead fields
 * are data, never templates; a placeholder the lead cannot fill holds the touch.
 */
public interface MessageComposer {
  /** The message of {@code template} (a name under {@code cadenceDir/templates/}) for a lead. */
  Composed compose(Path cadenceDir, String template, Map<String, String> fields);

  /** What composing gave. */
  sealed interface Composed {}

  /** Ready to send. */
  record Ready(String subject, String body) implements Composed {}

  /**
   * Not sendable as is: the placeholders the lead cannot fill, or why the template cannot be used.
   */
  record Held(List<String> missing, String reason) implements Composed {
    public Held {
      missing = List.copyOf(missing);
    }
  }
}
