package dev.cadence.report.plan;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import java.io.PrintWriter;
import java.time.ZoneId;

/**
 * The contract's list of {@code {"lead_id","cadence","step","channel","due"}}, due at the lead's
 * offset. Written into one builder per lead, the strings quoted by Jackson's own encoder: a
 * JsonGenerator and a StringWriter per lead were most of the time of a 100,000-lead plan. The text
 * is what such a generator writes (no spaces, a raw separator before each object; see
 * JsonPlanWriterTest).
 */
final class JsonPlanWriter implements PlanWriter {
  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  /** An object's text is about this long; sizing the builder up front saves growing it. */
  private static final int OBJECT = 160;

  private final PrintWriter out;
  private boolean first = true;

  JsonPlanWriter(PrintWriter out) {
    this.out = out;
    out.print("[");
  }

  @Override
  public String render(Plan plan) {
    ZoneId zone = plan.end().zone();
    String lead = quoted(plan.lead().id());
    String cadence = quoted(plan.end().cadence());
    StringBuilder s = new StringBuilder(plan.touches().size() * (OBJECT + lead.length()));
    for (Due d : plan.touches()) {
      s.append(s.length() == 0 ? "\n  " : ",\n  ");
      s.append("{\"lead_id\":")
          .append(lead)
          .append(",\"cadence\":")
          .append(cadence)
          .append(",\"step\":");
      appendQuoted(s, d.step().id()).append(",\"channel\":");
      appendQuoted(s, d.step().channel().yamlName()).append(",\"due\":\"");
      // An ISO date-time is digits and -:T+Z. only: nothing to escape.
      IsoTime.append(s, d.at(), zone).append("\",\"visit\":").append(d.visit()).append('}');
    }
    return s.toString();
  }

  /** {@code value} as a JSON string, quotes included, escaped as Jackson's generators escape it. */
  static String quoted(String value) {
    return appendQuoted(new StringBuilder(value.length() + 8), value).toString();
  }

  static StringBuilder appendQuoted(StringBuilder s, String value) {
    s.append('"');
    ENCODER.quoteAsString(value, s);
    return s.append('"');
  }

  @Override
  public void write(Plan plan, String rendered) {
    if (rendered.isEmpty()) {
      return;
    }
    out.print(first ? rendered : "," + rendered);
    first = false;
  }

  @Override
  public void close() {
    out.println(first ? "]" : "\n]");
    out.flush();
  }
}
