package dev.cadence.engine;

import dev.cadence.model.Channel;
import java.time.Instant;

/** A step performed for an enrollment: the email sent, the call made, the task done. */
public record Touch(String step, int visit, Channel channel, Instant at) {}
