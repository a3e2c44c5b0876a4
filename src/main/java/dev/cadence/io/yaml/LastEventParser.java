package dev.cadence.io.yaml;

import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that remembers the last event it handed out, so that a limit SnakeYAML enforces without
 * a position (too many aliases, nesting too deep) can still be reported where it was hit.
 */
final class LastEventParser implements Parser {
  private final Parser parser;
  private Event last;

  LastEventParser(Parser parser) {
    this.parser = parser;
  }

  /** The event consumed last (the alias or the collection start that broke a limit), or null. */
  Event last() {
    return last;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    last = parser.getEvent();
    return last;
  }
}
