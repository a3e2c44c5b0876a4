package dev.cadence.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A JSON string literal, for the one-line summaries of enroll and run. */
final class Json {
  private Json() {}

  static String string(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
