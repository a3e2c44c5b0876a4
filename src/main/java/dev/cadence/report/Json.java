package dev.cadence.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A JSON string literal, for the one-line JSON summaries of enroll and run. */
public final class Json {
  private Json() {}

  public static String string(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
