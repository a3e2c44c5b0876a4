package dev.cadence.model;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One line of the outcome log (contract section 4): a touch event (sent, called, done, requested)
 * or a response event on the same lead, cadence and step.
 *
 * @param zone the lead's zone in the cadence, for the timestamp's offset
 * @param template the template sent (email, social), else empty
 * @param region the lead's region, else empty
 */
public record OutcomeEvent(
    Instant at,
    ZoneId zone,
    String leadId,
    String cadence,
    String step,
    Channel channel,
    String template,
    String region,
    String event) {}
