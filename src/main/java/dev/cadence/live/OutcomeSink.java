package dev.cadence.live;

import dev.cadence.model.OutcomeEvent;
import java.util.List;

/**
 * Where committed outcome events go next (the outcome log); called only after the store committed
 * them.
 */
@FunctionalInterface
public interface OutcomeSink {
  OutcomeSink NONE = events -> {};

  void append(List<OutcomeEvent> events);
}
