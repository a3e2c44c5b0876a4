package dev.cadence.io.template;

import java.util.List;

/** A template rendered for one lead: ready to send, or held because the lead cannot fill it. */
public sealed interface Rendering {

  /** The subject (one line) and the plain-text body, with the lead's fields in place. */
  record Ready(String subject, String body) implements Rendering {}

  /**
   * The touch must not go out for this lead.
   *
   * @param missing the fields the template uses that the lead has no value for (empty or absent),
   *     in the order they appear; empty when the hold has another cause
   * @param reason one line for {@code status} and the log, e.g. "no value for first_name, company"
   */
  record Held(List<String> missing, String reason) implements Rendering {
    public Held {
      missing = List.copyOf(missing);
    }
  }
}
