package dev.cadence.analytics.recommend;

import dev.cadence.analytics.TouchCell;
import dev.cadence.model.Cadence;
import dev.cadence.model.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rules of {@code recommend}, over the touch cube: pure (no files), so that every rule is
 * tested on cubes written by hand. Each rule looks at one step at a time and either recommends a
 * change backed by a significant test, says the evidence is insufficient, or stays silent.
 */
public final class Recommender {
  /** Channels whose touches can respond (contract section 5): the others have no response rate. */
  static final Set<String> RESPONDING = Set.of("email", "call", "social");

  /**
   * @param alpha significance level of each one-sided test
   * @param minN touches needed on each side before a test is run
   * @param dropBelow a step whose 95% upper bound on its response rate is below this is a drop
   *     candidate
   */
  public record Settings(double alpha, long minN, double dropBelow) {
    public static final Settings DEFAULT = new Settings(0.05, 30, 0.01);

    public Settings {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException(
            "alpha must be between 0 and 1 (exclusive), not " + alpha);
      }
      if (minN < 1) {
        throw new IllegalArgumentException("the minimum sample must be at least 1, not " + minN);
      }
      if (!(dropBelow >= 0 && dropBelow <= 1)) {
        throw new IllegalArgumentException(
            "the drop threshold must be a rate in [0, 1], not " + dropBelow);
      }
    }
  }

  /** What {@code recommend} found, and how many tests it ran to find it. */
  public record Result(List<Recommendation> items, int tests, Settings settings) {
    public Result {
      items = List.copyOf(items);
    }
  }

  private record StepKey(String cadence, String step) {}

  private final Settings settings;
  private final Map<String, Cadence> cadences = new LinkedHashMap<>();
  private final int[] tests = {0};

  /** The cube by position and channel: the other side of every channel swap. */
  private final Map<Integer, Map<String, List<TouchCell>>> byPosition = new TreeMap<>();

  private Recommender(Settings settings, List<Cadence> cadences) {
    this.settings = settings;
    cadences.forEach(c -> this.cadences.putIfAbsent(c.id(), c));
  }

  /**
   * Recommendations for every step in the cube. {@code cadences} (possibly none) are the files the
   * user gave: they tell which template a region is sent now, and order the steps as written.
   */
  public static Result recommend(List<TouchCell> cube, List<Cadence> cadences, Settings settings) {
    Recommender r = new Recommender(settings, cadences);
    for (TouchCell c : cube) {
      r.byPosition
          .computeIfAbsent(c.position(), p -> new TreeMap<>())
          .computeIfAbsent(c.channel(), ch -> new ArrayList<>())
          .add(c);
    }
    Map<StepKey, List<TouchCell>> bySteps = new LinkedHashMap<>();
    for (TouchCell c : cube) {
      bySteps.computeIfAbsent(new StepKey(c.cadence(), c.step()), k -> new ArrayList<>()).add(c);
    }
    List<Recommendation> items = new ArrayList<>();
    for (StepKey key : r.ordered(bySteps)) {
      List<TouchCell> cells = bySteps.get(key);
      String channel = mostTouches(cells, TouchCell::channel);
      if (!RESPONDING.contains(channel)) {
        continue;
      }
      // A step logged under two channels (version B of a cadence changed it) is judged as its main
      // one.
      List<TouchCell> own = cells.stream().filter(c -> c.channel().equals(channel)).toList();
      r.swap(key, channel, own).ifPresent(items::add);
      r.gap(key, own).ifPresent(items::add);
      if (channel.equals("email")) {
        items.addAll(r.templates(key, own));
      }
      r.drop(key, channel, own).ifPresent(items::add);
    }
    return new Result(items, r.tests[0], settings);
  }

  /** Steps by cadence id, then in file order when the cadence is known, else by where they fall. */
  private List<StepKey> ordered(Map<StepKey, List<TouchCell>> bySteps) {
    Map<StepKey, Integer> rank = new LinkedHashMap<>();
    bySteps.forEach(
        (key, cells) -> {
          Optional<Cadence> c = Optional.ofNullable(cadences.get(key.cadence()));
          int inFile = c.map(cad -> indexOf(cad, key.step())).orElse(-1);
          rank.put(
              key,
              inFile >= 0
                  ? inFile
                  : 10_000
                      + Integer.parseInt(mostTouches(cells, t -> String.valueOf(t.position()))));
        });
    return bySteps.keySet().stream()
        .sorted(
            Comparator.comparing(StepKey::cadence)
                .thenComparing(rank::get)
                .thenComparing(StepKey::step))
        .toList();
  }

  private static int indexOf(Cadence cadence, String step) {
    List<Step> steps = cadence.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(step)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The seed's "third email to a call": at the position where the step mostly falls, compare its
   * response rate with the other channels' at that position, in the same cadence when it has enough
   * of them, else across the log.
   */
  private Optional<Recommendation> swap(StepKey key, String channel, List<TouchCell> cells) {
    int position = Integer.parseInt(mostTouches(cells, c -> String.valueOf(c.position())));
    Evidence from = responses(cells.stream().filter(c -> c.position() == position).toList());
    Map<String, Evidence> inCadence = new TreeMap<>();
    Map<String, Evidence> inLog = new TreeMap<>();
    for (String other : RESPONDING) {
      if (other.equals(channel)) {
        continue;
      }
      List<TouchCell> atPosition =
          byPosition.getOrDefault(position, Map.of()).getOrDefault(other, List.of());
      inCadence.put(
          other,
          responses(atPosition.stream().filter(c -> c.cadence().equals(key.cadence())).toList()));
      inLog.put(other, responses(atPosition));
    }
    Map<String, Evidence> alternatives = new TreeMap<>();
    Map<String, Recommendation.Scope> scopes = new TreeMap<>();
    inCadence.forEach(
        (other, e) -> {
          boolean local = e.n() >= settings.minN();
          alternatives.put(other, local ? e : inLog.get(other));
          scopes.put(other, local ? Recommendation.Scope.CADENCE : Recommendation.Scope.LOG);
        });
    Contest.Outcome outcome = Contest.run(channel, from, alternatives, settings, tests);
    if (outcome instanceof Contest.Winner w) {
      return Optional.of(
          new Recommendation.SwapChannel(
              key.cadence(),
              key.step(),
              position,
              scopes.get(w.comparison().to()),
              w.comparison()));
    }
    return insufficient(outcome, "swap_channel", key, "position " + position);
  }

  /**
   * The seed's "3 days rather than daily": the step's response rate by its gap, against its usual
   * gap.
   */
  private Optional<Recommendation> gap(StepKey key, List<TouchCell> cells) {
    Map<Integer, List<TouchCell>> byGap = new TreeMap<>();
    cells.stream()
        .filter(c -> c.gapDays() != TouchCell.NO_GAP)
        .forEach(c -> byGap.computeIfAbsent(c.gapDays(), g -> new ArrayList<>()).add(c));
    if (byGap.size() < 2) {
      return Optional.empty();
    }
    List<TouchCell> withGap = cells.stream().filter(c -> c.gapDays() != TouchCell.NO_GAP).toList();
    String usual = mostTouches(withGap, c -> String.valueOf(c.gapDays()));
    Map<String, Evidence> alternatives = new LinkedHashMap<>();
    byGap.forEach((gap, group) -> alternatives.put(String.valueOf(gap), responses(group)));
    Contest.Outcome outcome =
        Contest.run(usual, alternatives.get(usual), alternatives, settings, tests);
    if (outcome instanceof Contest.Winner w) {
      return Optional.of(new Recommendation.BestGap(key.cadence(), key.step(), w.comparison()));
    }
    return insufficient(outcome, "best_gap", key, "gap in days since the previous touch");
  }

  /**
   * The seed's "send different emails per region": per region, the step's templates by open rate.
   */
  private List<Recommendation> templates(StepKey key, List<TouchCell> cells) {
    Map<String, Map<String, List<TouchCell>>> byRegion = new TreeMap<>();
    for (TouchCell c : cells) {
      if (!c.region().isEmpty() && !c.template().isEmpty()) {
        byRegion
            .computeIfAbsent(c.region(), r -> new TreeMap<>())
            .computeIfAbsent(c.template(), t -> new ArrayList<>())
            .add(c);
      }
    }
    List<Recommendation> found = new ArrayList<>();
    byRegion.forEach(
        (region, byTemplate) -> {
          if (byTemplate.size() < 2) {
            return;
          }
          Map<String, Evidence> alternatives = new TreeMap<>();
          byTemplate.forEach((template, group) -> alternatives.put(template, opens(group)));
          // What the cadence sends this region now, when the file is known and the log has it.
          String current =
              Optional.ofNullable(cadences.get(key.cadence()))
                  .flatMap(c -> c.step(key.step()))
                  .flatMap(s -> s.templateFor(region))
                  .filter(alternatives::containsKey)
                  .orElseGet(() -> mostOf(byTemplate));
          Contest.Outcome outcome =
              Contest.run(current, alternatives.get(current), alternatives, settings, tests);
          if (outcome instanceof Contest.Winner w) {
            found.add(
                new Recommendation.BestTemplate(key.cadence(), key.step(), region, w.comparison()));
          } else {
            insufficient(outcome, "best_template_per_region", key, "region " + region)
                .ifPresent(found::add);
          }
        });
    return found;
  }

  /**
   * The seed's "strip steps that add no value": a step whose responses are near zero, confidently.
   */
  private Optional<Recommendation> drop(StepKey key, String channel, List<TouchCell> cells) {
    Evidence e = responses(cells);
    if (e.n() >= settings.minN() && e.ciHigh() < settings.dropBelow()) {
      return Optional.of(
          new Recommendation.DropStep(key.cadence(), key.step(), channel, e, settings.dropBelow()));
    }
    return Optional.empty();
  }

  private Optional<Recommendation> insufficient(
      Contest.Outcome outcome, String test, StepKey key, String detail) {
    if (outcome instanceof Contest.Short s) {
      return Optional.of(
          new Recommendation.Insufficient(
              test,
              key.cadence(),
              key.step(),
              detail,
              s.comparison(),
              settings.minN(),
              s.neededPerSide()));
    }
    return Optional.empty();
  }

  private static Evidence responses(List<TouchCell> cells) {
    long touches = 0;
    long responded = 0;
    for (TouchCell c : cells) {
      touches += c.touches();
      responded += c.responded();
    }
    return Evidence.of(responded, touches);
  }

  /** Open rate: opened of delivered (contract section 5). */
  private static Evidence opens(List<TouchCell> cells) {
    long delivered = 0;
    long opened = 0;
    for (TouchCell c : cells) {
      delivered += c.delivered();
      opened += c.opened();
    }
    return Evidence.of(opened, delivered);
  }

  private static String mostOf(Map<String, List<TouchCell>> groups) {
    return groups.entrySet().stream()
        .max(
            Comparator.comparingLong(
                    (Map.Entry<String, List<TouchCell>> e) ->
                        e.getValue().stream().mapToLong(TouchCell::delivered).sum())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow()
        .getKey();
  }

  /**
   * The value of {@code dimension} that has the most touches (ties: the smallest, for stable
   * output).
   */
  private static String mostTouches(List<TouchCell> cells, Function<TouchCell, String> dimension) {
    Map<String, Long> touches = new TreeMap<>(Recommender::naturalOrder);
    cells.forEach(c -> touches.merge(dimension.apply(c), c.touches(), Long::sum));
    return touches.entrySet().stream()
        .max(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue()))
        .orElseThrow()
        .getKey();
  }

  /** Numbers by value (so that "10" comes after "9"), other text alphabetically. */
  private static int naturalOrder(String a, String b) {
    if (a.matches("-?\\d+") && b.matches("-?\\d+")) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return a.compareTo(b);
  }
}
