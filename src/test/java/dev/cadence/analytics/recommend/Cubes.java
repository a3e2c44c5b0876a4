package dev.cadence.analytics.recommend;

import dev.cadence.analytics.TouchCell;

/** Touch cells written by hand for the recommender's tests. */
final class Cubes {
  private Cubes() {}

  /** Touches of a step at a position and gap, {@code responded} of them with a response. */
  static TouchCell touches(
      String cadence,
      String step,
      String channel,
      int position,
      int gap,
      long touches,
      long responded) {
    return new TouchCell(cadence, step, channel, "", "", position, gap, touches, 0, 0, responded);
  }

  /**
   * Emails of a template in a region: {@code opened} of {@code delivered} opened, none bounced, a
   * tenth replied.
   */
  static TouchCell emails(
      String cadence, String step, String template, String region, long delivered, long opened) {
    return new TouchCell(
        cadence,
        step,
        "email",
        template,
        region,
        1,
        TouchCell.NO_GAP,
        delivered,
        0,
        opened,
        delivered / 10);
  }
}
