package dev.cadence.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cadence.engine.Ending;
import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Pending;
import dev.cadence.engine.Touch;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's {@link Enrollment} and a {@link Lead} as compact JSON columns.
 *
 * <p>Why one column rather than tables for touches, pending steps and completions: the engine owns
 * this shape and always needs all of it at once; a tick reads it only for the few enrollments that
 * are due (found through the indexed {@code next_due} column), and the columns that are queried
 * (cadence, lead, active, next due, status) are kept beside it. A version key lets a later schema
 * migrate the text.
 */
final class EnrollmentCodec {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  static final int VERSION = 1;

  private EnrollmentCodec() {}

  static String encode(Enrollment e) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeStringField("zone", e.zone().getId());
      g.writeStringField("at", e.enrolledAt().toString());
      g.writeStringField("on", e.enrolledOn().toString());
      g.writeArrayFieldStart("touches");
      for (Touch t : e.touches()) {
        g.writeStartArray();
        g.writeString(t.step());
        g.writeNumber(t.visit());
        g.writeString(t.channel().yamlName());
        g.writeString(t.at().toString());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("completed");
      for (String c : e.completed()) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("pending");
      for (Pending p : e.pending()) {
        g.writeStartArray();
        g.writeString(p.step());
        g.writeNumber(p.visit());
        g.writeString(p.reachedAt().toString());
        g.writeString(p.activatedBy());
        if (p.performedAt() == null) {
          g.writeNull();
        } else {
          g.writeString(p.performedAt().toString());
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      if (e.pausedUntil().isPresent()) {
        g.writeStringField("paused", e.pausedUntil().get().toString());
      }
      if (e.ending().isPresent()) {
        Ending end = e.ending().get();
        g.writeObjectFieldStart("ending");
        g.writeStringField("kind", end.kind().name());
        g.writeStringField("name", end.name());
        if (end.status().isPresent()) {
          g.writeStringField("status", end.status().get());
        }
        g.writeStringField("at", end.at().toString());
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return out.toString();
  }

  static Enrollment decode(String leadId, String cadence, String json) {
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      ZoneId zone = null;
      Instant at = null;
      LocalDate on = null;
      List<Touch> touches = new ArrayList<>();
      List<String> completed = new ArrayList<>();
      List<Pending> pending = new ArrayList<>();
      Optional<Ending> ending = Optional.empty();
      Optional<Instant> paused = Optional.empty();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "v" -> {
            if (p.getIntValue() > VERSION) {
              throw new IllegalStateException(
                  "enrollment written by a newer cadence (format " + p.getIntValue() + ")");
            }
          }
          case "zone" -> zone = ZoneId.of(p.getText());
          case "at" -> at = Instant.parse(p.getText());
          case "on" -> on = LocalDate.parse(p.getText());
          case "paused" -> paused = Optional.of(Instant.parse(p.getText()));
          case "touches" -> {
            while (p.nextToken() == JsonToken.START_ARRAY) {
              String step = next(p);
              int visit = Integer.parseInt(next(p));
              Channel ch = Channel.fromYaml(next(p)).orElseThrow();
              Instant when = Instant.parse(next(p));
              expect(p.nextToken(), JsonToken.END_ARRAY);
              touches.add(new Touch(step, visit, ch, when));
            }
          }
          case "completed" -> {
            while (p.nextToken() == JsonToken.VALUE_STRING) {
              completed.add(p.getText());
            }
          }
          case "pending" -> {
            while (p.nextToken() == JsonToken.START_ARRAY) {
              String step = next(p);
              int visit = Integer.parseInt(next(p));
              Instant reached = Instant.parse(next(p));
              String by = next(p);
              String performed = next(p);
              expect(p.nextToken(), JsonToken.END_ARRAY);
              pending.add(
                  new Pending(
                      step,
                      visit,
                      reached,
                      by,
                      performed == null ? null : Instant.parse(performed)));
            }
          }
          case "ending" -> {
            Map<String, String> f = object(p);
            ending =
                Optional.of(
                    new Ending(
                        Ending.Kind.valueOf(f.get("kind")),
                        f.get("name"),
                        Optional.ofNullable(f.get("status")),
                        Instant.parse(f.get("at"))));
          }
          default -> p.skipChildren();
        }
      }
      return new Enrollment(
          leadId, cadence, zone, at, on, touches, completed, pending, ending, paused);
    } catch (IOException | RuntimeException x) {
      throw new IllegalStateException(
          "unreadable enrollment of lead " + leadId + " in " + cadence + ": " + x.getMessage(), x);
    }
  }

  static String encodeLead(Lead lead) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (lead.zone().isPresent()) {
        g.writeStringField("zone", lead.zone().get().getId());
      }
      if (lead.doNotContact()) {
        g.writeBooleanField("dnc", true);
      }
      g.writeObjectFieldStart("fields");
      for (var f : new TreeMap<>(lead.fields()).entrySet()) {
        g.writeStringField(f.getKey(), f.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return out.toString();
  }

  static Lead decodeLead(String id, String json) {
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      Optional<ZoneId> zone = Optional.empty();
      boolean dnc = false;
      Map<String, String> fields = Map.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "zone" -> zone = Optional.of(ZoneId.of(p.getText()));
          case "dnc" -> dnc = p.getBooleanValue();
          case "fields" -> fields = object(p);
          default -> p.skipChildren();
        }
      }
      return new Lead(id, fields, zone, dnc, 0);
    } catch (IOException | RuntimeException x) {
      throw new IllegalStateException("unreadable lead " + id + ": " + x.getMessage(), x);
    }
  }

  private static Map<String, String> object(JsonParser p) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      p.nextToken();
      m.put(k, p.getText());
    }
    return m;
  }

  /** The next scalar of an array, as text (null for JSON null). */
  private static String next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    return t == JsonToken.VALUE_NULL ? null : p.getText();
  }

  private static void expect(JsonToken got, JsonToken want) throws IOException {
    if (got != want) {
      throw new IOException("expected " + want + ", found " + got);
    }
  }
}
