package dev.cadence.io.yaml;

import dev.cadence.io.yaml.YNode.Entry;
import dev.cadence.io.yaml.YNode.YMap;
import dev.cadence.io.yaml.YNode.YScalar;
import dev.cadence.model.Channel;
import dev.cadence.model.Outcomes;
import dev.cadence.model.Pos;
import dev.cadence.simulate.ChannelModel;
import dev.cadence.simulate.Delay;
import dev.cadence.simulate.Factors;
import dev.cadence.simulate.Multipliers;
import dev.cadence.simulate.RankTable;
import dev.cadence.simulate.ResponseModel;
import dev.cadence.validate.Code;
import dev.cadence.validate.DidYouMean;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a response model (docs/response-model.md) from YAML, with the same safe reader as cadences,
 * and reports every problem with its line and column; a model with any problem is not returned.
 */
public final class ResponseModelReader {
  /** A problem in a model file, at a 1-based line and column. */
  public record Problem(Pos pos, String message) {}

  /** The model when the file has no problem, and every problem found. */
  public record Read(Optional<ResponseModel> model, List<Problem> problems) {
    /** Problems in file order. */
    public Read {
      problems =
          problems.stream()
              .sorted(
                  Comparator.comparingInt((Problem p) -> p.pos().line())
                      .thenComparingInt(p -> p.pos().column()))
              .toList();
    }
  }

  static final Map<Channel, List<String>> EVENTS =
      Map.of(
          Channel.EMAIL, List.of("bounced", "opened", "clicked", "replied", "unsubscribed"),
          Channel.CALL, List.of("connected", "voicemail", "no_answer", "wrong_number"),
          Channel.SOCIAL, List.of("accepted", "replied"),
          Channel.APPROVAL, List.of("approved", "rejected"));
  static final List<String> TOP_KEYS =
      List.of("description", "email", "call", "social", "approval", "multipliers");
  static final List<String> MULTIPLIER_KEYS = List.of("region", "template", "position", "gap");
  private static final Pattern RANK = Pattern.compile("(\\d{1,6})(\\+?)");

  private final List<Problem> problems = new ArrayList<>();
  private final ModelScalars scalars = new ModelScalars(problems);

  private ResponseModelReader() {}

  public static Read read(byte[] bytes) {
    return new ResponseModelReader().model(bytes);
  }

  private Read model(byte[] bytes) {
    YamlDocument doc = new SafeYamlReader().read(bytes);
    for (YamlProblem p : doc.problems()) {
      problems.add(new Problem(known(p.pos()), message(p)));
    }
    if (doc.root().isEmpty() || !problems.isEmpty()) {
      return new Read(Optional.empty(), problems);
    }
    Optional<YMap> top = mapping(doc.root().get(), "a response model", TOP_KEYS);
    if (top.isEmpty()) {
      return new Read(Optional.empty(), problems);
    }
    Map<Channel, ChannelModel> channels = new EnumMap<>(Channel.class);
    Multipliers multipliers = Multipliers.NONE;
    for (Entry e : top.get().entries()) {
      String key = e.key().text();
      Optional<Channel> channel = Channel.fromYaml(key).filter(EVENTS::containsKey);
      if (channel.isPresent()) {
        channel(channel.get(), e.value()).ifPresent(m -> channels.put(channel.get(), m));
      } else if (key.equals("multipliers")) {
        multipliers = multipliers(e.value());
      } else if (key.equals("description")) {
        text(e.value(), "description");
      }
    }
    if (!problems.isEmpty()) {
      return new Read(Optional.empty(), problems);
    }
    return new Read(Optional.of(new ResponseModel(channels, multipliers)), problems);
  }

  private Optional<ChannelModel> channel(Channel channel, YNode node) {
    String name = channel.yamlName();
    List<String> events = EVENTS.get(channel);
    List<String> keys = new ArrayList<>(events);
    keys.add("outcomes");
    keys.add("delays");
    Optional<YMap> map = mapping(node, name, keys);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> p = new LinkedHashMap<>();
    Map<String, Double> outcomes = new LinkedHashMap<>();
    Map<String, Delay> delays = new LinkedHashMap<>();
    for (Entry e : map.get().entries()) {
      String key = e.key().text();
      if (events.contains(key)) {
        scalars.probability(e.value(), name + "." + key).ifPresent(v -> p.put(key, v));
      } else if (key.equals("outcomes")) {
        outcomes(e.value(), name, outcomes);
      } else if (key.equals("delays")) {
        delays(e.value(), name, events, delays);
      }
    }
    if (channel == Channel.CALL || channel == Channel.APPROVAL) {
      atMostOne(
          map.get().pos(),
          name,
          p,
          "they are exclusive (one result per "
              + (channel == Channel.CALL ? "call" : "request")
              + ")");
    }
    return Optional.of(new ChannelModel(p, outcomes, delays));
  }

  private void outcomes(YNode node, String channel, Map<String, Double> out) {
    List<String> general = Outcomes.GENERAL.stream().sorted().toList();
    Optional<YMap> map = mapping(node, channel + ".outcomes", general);
    if (map.isEmpty()) {
      return;
    }
    for (Entry e : map.get().entries()) {
      String key = e.key().text();
      if (general.contains(key)) {
        scalars
            .probability(e.value(), channel + ".outcomes." + key)
            .ifPresent(v -> out.put(key, v));
      }
    }
    atMostOne(
        node.pos(),
        channel + ".outcomes",
        out,
        "they are exclusive (at most one outcome per response)");
  }

  private void delays(YNode node, String channel, List<String> events, Map<String, Delay> out) {
    Optional<YMap> map = mapping(node, channel + ".delays", events);
    if (map.isEmpty()) {
      return;
    }
    for (Entry e : map.get().entries()) {
      String key = e.key().text();
      if (events.contains(key)) {
        scalars.delay(e.value(), channel + ".delays." + key).ifPresent(d -> out.put(key, d));
      }
    }
  }

  private Multipliers multipliers(YNode node) {
    Optional<YMap> map = mapping(node, "multipliers", MULTIPLIER_KEYS);
    if (map.isEmpty()) {
      return Multipliers.NONE;
    }
    Map<String, Factors> region = Map.of();
    Map<String, Factors> template = Map.of();
    RankTable position = RankTable.NONE;
    RankTable gap = RankTable.NONE;
    for (Entry e : map.get().entries()) {
      switch (e.key().text()) {
        case "region" -> region = named(e.value(), "multipliers.region");
        case "template" -> template = named(e.value(), "multipliers.template");
        case "position" -> position = ranks(e.value(), "multipliers.position", 1);
        case "gap" -> gap = ranks(e.value(), "multipliers.gap", 0);
        default -> {
          // reported by mapping()
        }
      }
    }
    return new Multipliers(region, template, position, gap);
  }

  private Map<String, Factors> named(YNode node, String what) {
    Map<String, Factors> out = new LinkedHashMap<>();
    if (!(node instanceof YMap map)) {
      wrongType(node, what, "a mapping of name to multipliers, e.g. EMEA-FR: { opened: 1.2 }");
      return out;
    }
    for (Entry e : map.entries()) {
      out.put(e.key().text(), factors(e.value(), what + "." + e.key().text()));
    }
    return out;
  }

  private RankTable ranks(YNode node, String what, int lowest) {
    Map<Integer, Factors> exact = new LinkedHashMap<>();
    TreeMap<Integer, Factors> orMore = new TreeMap<>();
    if (!(node instanceof YMap map)) {
      wrongType(node, what, "a mapping of number (or N+) to multipliers, e.g. 3: { replied: 0.5 }");
      return RankTable.NONE;
    }
    for (Entry e : map.entries()) {
      String key = e.key().text().trim();
      Matcher m = RANK.matcher(key);
      if (!m.matches() || Integer.parseInt(m.group(1)) < lowest) {
        problems.add(
            new Problem(
                known(e.key().pos()),
                what
                    + ": `"
                    + key
                    + "` is not a "
                    + (lowest == 1 ? "position" : "gap")
                    + "; write a whole number from "
                    + lowest
                    + " (exactly that) or N+ (N and more), e.g. 3 or 4+"));
        continue;
      }
      Factors f = factors(e.value(), what + "." + key);
      (m.group(2).isEmpty() ? exact : orMore).put(Integer.parseInt(m.group(1)), f);
    }
    return new RankTable(exact, orMore);
  }

  /** {event: factor} where event is `replied` or `email.replied`. */
  private Factors factors(YNode node, String what) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!(node instanceof YMap map)) {
      wrongType(
          node, what, "a mapping of event to multiplier, e.g. { opened: 1.2, email.replied: 0.8 }");
      return Factors.NONE;
    }
    for (Entry e : map.entries()) {
      String key = e.key().text();
      Optional<String> bad = badEventKey(key);
      if (bad.isPresent()) {
        problems.add(new Problem(known(e.key().pos()), what + ": " + bad.get()));
        continue;
      }
      scalars
          .number(e.value(), what + "." + key)
          .ifPresent(
              v -> {
                if (v < 0 || v.isInfinite()) {
                  problems.add(
                      new Problem(
                          known(e.value().pos()),
                          what
                              + "."
                              + key
                              + ": multiplier "
                              + text(e.value())
                              + " must be 0 or more (1 changes nothing, 1.2 is 20% more, 0.5 half)"));
                } else {
                  out.put(key, v);
                }
              });
    }
    return new Factors(out);
  }

  private static Optional<String> badEventKey(String key) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      return Outcomes.isKnown(key)
          ? Optional.empty()
          : Optional.of("unknown event `" + key + "`" + DidYouMean.hint(key, Outcomes.all()));
    }
    String channelName = key.substring(0, dot);
    String event = key.substring(dot + 1);
    Optional<Channel> channel = Channel.fromYaml(channelName);
    if (channel.isEmpty()) {
      return Optional.of(
          "unknown channel `"
              + channelName
              + "` in `"
              + key
              + "`"
              + DidYouMean.hint(channelName, Channel.yamlNames()));
    }
    if (!channel.get().canProduce(event)) {
      List<String> possible = new ArrayList<>(channel.get().responses());
      possible.addAll(Outcomes.GENERAL);
      return Optional.of(
          (channelName.matches("[aeiou].*") ? "an " : "a ")
              + channelName
              + " touch has no event `"
              + event
              + "`"
              + DidYouMean.hint(event, possible));
    }
    return Optional.empty();
  }

  private void atMostOne(Pos pos, String what, Map<String, Double> p, String why) {
    double sum = p.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum > 1 + 1e-9) {
      problems.add(
          new Problem(
              known(pos),
              what
                  + ": the probabilities add up to "
                  + round(sum)
                  + "; "
                  + why
                  + ", so their sum must be at most 1"));
    }
  }

  private Optional<YMap> mapping(YNode node, String what, List<String> knownKeys) {
    if (!(node instanceof YMap map)) {
      wrongType(node, what, "a mapping (key: value lines)");
      return Optional.empty();
    }
    for (Entry e : map.entries()) {
      String key = e.key().text();
      if (!knownKeys.contains(key)) {
        problems.add(
            new Problem(
                known(e.key().pos()),
                "unknown key `" + key + "` in " + what + DidYouMean.hint(key, knownKeys)));
      }
    }
    return Optional.of(map);
  }

  private void text(YNode node, String what) {
    if (!(node instanceof YScalar s) || s.isNull()) {
      wrongType(node, what, "text");
    }
  }

  private void wrongType(YNode node, String what, String expected) {
    problems.add(
        new Problem(known(node.pos()), what + " must be " + expected + ", not " + node.kind()));
  }

  private static String text(YNode node) {
    return node instanceof YScalar s ? s.text() : node.kind();
  }

  private static String round(double x) {
    return BigDecimal.valueOf(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** File-level problems have no position: they are shown at 1:1, like validate's. */
  private static Pos known(Pos pos) {
    return pos.isKnown() ? pos : new Pos(1, 1);
  }

  /** The reader's messages speak of cadences; a model file gets its own words where they differ. */
  private static String message(YamlProblem p) {
    if (p.code() == Code.EMPTY_FILE) {
      return "file is empty; a response model needs at least one channel, e.g. `email: { opened: 0.4 }`";
    }
    if (p.code() == Code.FILE_TOO_LARGE) {
      return "file is larger than "
          + SafeYamlReader.MAX_BYTES
          + " bytes; a response model is a small YAML file";
    }
    return p.message();
  }
}
