package dev.cadence.analytics;

/**
 * One cell of the touch cube: the touches of an outcome log that share every dimension, with what
 * they led to (contract section 5). Every metric of {@code analyze} and every rule of {@code
 * recommend} is a roll-up of these cells, so the raw scan of millions of events happens once.
 *
 * @param channel the step's channel as logged (email, call, social, task, meeting, approval)
 * @param template the template logged with the touch, "" when none
 * @param region the lead's region as logged, "" when none
 * @param position 1-based rank of the touch among the lead's touches in that cadence, by timestamp
 * @param gapDays calendar days (UTC dates) since the lead's previous touch in that cadence, or
 *     {@link #NO_GAP} for a first touch
 * @param touches touch events in this cell
 * @param bounced touches with a {@code bounced} event
 * @param opened delivered (not bounced) touches with at least one {@code opened} event
 * @param responded touches with a {@code replied} (email, social) or {@code connected} (call) event
 */
public record TouchCell(
    String cadence,
    String step,
    String channel,
    String template,
    String region,
    int position,
    int gapDays,
    long touches,
    long bounced,
    long opened,
    long responded) {

  public static final int NO_GAP = -1;

  public long delivered() {
    return touches - bounced;
  }
}
