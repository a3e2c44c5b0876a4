package dev.cadence.analytics;

/**
 * What an outcome-log line says about the touch besides its lead, time and event: the dimensions of
 * the touch cube that are logged as text. A log has few distinct signatures, so each line stores
 * the index of its signature rather than five strings.
 */
public record Signature(
    String cadence, String step, String channel, String template, String region) {
  public Signature {
    if (cadence == null || step == null || channel == null || template == null || region == null) {
      throw new IllegalArgumentException(
          "null dimension in " + cadence + "/" + step + "/" + channel);
    }
  }
}
