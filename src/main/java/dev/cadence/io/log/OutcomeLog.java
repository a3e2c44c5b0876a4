package dev.cadence.io.log;

import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import java.nio.charset.StandardCharsets;

/**
 * The outcome log's CSV form (contract section 4): its header and one line per event. A value that
 * a spreadsheet would run as a formula (a leading {@code = + - @}, tab or carriage return) gets a
 * leading single quote, and so does a value that already starts with one, so that reading strips
 * exactly one quote and gets every value back (as a spreadsheet, which hides that quote, shows it);
 * a value with a comma, quote or line break is quoted.
 */
public final class OutcomeLog {
  public static final String HEADER =
      "timestamp,lead_id,cadence,step,channel,template,region,event";

  private static final byte[][] CHANNELS = new byte[Channel.values().length][];

  static {
    for (Channel c : Channel.values()) {
      CHANNELS[c.ordinal()] = c.yamlName().getBytes(StandardCharsets.US_ASCII);
    }
  }

  private OutcomeLog() {}

  /** Writes lines into one buffer, with caches that make a line cost little more than a copy. */
  static final class Writer {
    private final Utf8Buffer out;
    private final Timestamps timestamps = new Timestamps();
    private final CellCache cells = new CellCache(6);

    Writer(Utf8Buffer out) {
      this.out = out;
    }

    /** Appends the line of {@code e} with its newline. */
    void append(OutcomeEvent e) {
      timestamps.append(out, e.at().getEpochSecond(), e.zone());
      byte[] lead = cells.lastOnly(0, e.leadId());
      byte[] cadence = cells.cell(1, e.cadence());
      byte[] step = cells.cell(2, e.step());
      byte[] channel = CHANNELS[e.channel().ordinal()];
      byte[] template = cells.cell(3, e.template());
      byte[] region = cells.cell(4, e.region());
      byte[] event = cells.cell(5, e.event());
      // Room for the whole rest of the line at once: one bounds check per line, not per cell.
      out.reserve(
          8
              + lead.length
              + cadence.length
              + step.length
              + channel.length
              + template.length
              + region.length
              + event.length);
      out.put(',');
      out.put(lead);
      out.put(',');
      out.put(cadence);
      out.put(',');
      out.put(step);
      out.put(',');
      out.put(channel);
      out.put(',');
      out.put(template);
      out.put(',');
      out.put(region);
      out.put(',');
      out.put(event);
      out.put('\n');
    }
  }

  /** The line of {@code e}, without its newline. */
  public static String line(OutcomeEvent e) {
    Utf8Buffer b = new Utf8Buffer(128);
    new Writer(b).append(e);
    b.setSize(b.size() - 1);
    return b.toString();
  }

  /**
   * The first characters that make a spreadsheet run a cell (contract section 4), tab and CR
   * included.
   */
  static final String FORMULA_STARTS = "=+-@\t\r";

  /**
   * The first characters that earn a value its leading quote: the formula starts, and the quote
   * itself, without which {@code '=EU} and {@code =EU} would be written alike.
   */
  static final String ESCAPED_STARTS = FORMULA_STARTS + "'";

  /**
   * Whether {@code value} is written with a leading ': a spreadsheet would run it as a formula, or
   * it starts with a ' that reading would otherwise take for the escape.
   */
  public static boolean needsEscape(String value) {
    return !value.isEmpty() && ESCAPED_STARTS.indexOf(value.charAt(0)) >= 0;
  }

  /** {@code value} with its leading ' when it {@link #needsEscape needs one}; not quoted. */
  public static String escape(String value) {
    return needsEscape(value) ? "'" + value : value;
  }

  /** Undoes {@link #escape}: a leading ' before a character that needs escaping is dropped. */
  public static String unescape(String cell) {
    return cell.length() >= 2
            && cell.charAt(0) == '\''
            && ESCAPED_STARTS.indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }

  /** A CSV cell: defused against formulas, quoted when needed. */
  public static String cell(String value) {
    Utf8Buffer b = new Utf8Buffer(value.length() + 2);
    appendCell(b, value);
    return b.toString();
  }

  static void appendCell(Utf8Buffer out, String value) {
    boolean defuse = needsEscape(value);
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      if (defuse) {
        out.append('\'');
      }
      out.append(value);
      return;
    }
    out.append('"');
    if (defuse) {
      out.append('\'');
    }
    out.append(value.replace("\"", "\"\""));
    out.append('"');
  }
}
