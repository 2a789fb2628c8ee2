package com.carmutual.text2data.parse;

import static com.carmutual.text2data.parse.Constructions.*;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Metric;
import com.carmutual.text2data.parse.DateGrammar.Period;
import com.carmutual.text2data.parse.Lexicon.Match;
import com.carmutual.text2data.parse.Lexicon.Target;
import com.carmutual.text2data.parse.Lexicon.Type;
import com.carmutual.text2data.parse.Thresholds.Threshold;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Compare;
import com.carmutual.text2data.query.SemanticQuery.Conversion;
import com.carmutual.text2data.query.SemanticQuery.Cumulative;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import com.carmutual.text2data.query.SemanticQuery.Funnel;
import com.carmutual.text2data.query.SemanticQuery.OrderBy;
import com.carmutual.text2data.query.SemanticQuery.Share;
import com.carmutual.text2data.query.SemanticQuery.TimeSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lexicon matches, periods and constructions of one question into a semantic query,
 * marking every character it used. Words left unexplained make the result a clarification, never
 * an answer with part of the question ignored.
 */
final class Resolution {
  private static final Set<String> USER_WORDS = Set.of("users", "user", "people", "用户", "人数", "多少人", "用户数");
  private static final Pattern GRAIN_WORDS = Pattern.compile(
      "\\b(daily|each day|every day|per day|by day|day by day|day-by-day|weekly|each week|every week|per week|by week|week by week|monthly|each month|every month|per month|by month|month by month|month-by-month|"
          + "quarterly|each quarter|per quarter|by quarter|yearly|annually|each year|per year|by year)\\b"
          + "|每天|每日|按天|按日|逐日|日度|每周|每星期|按周|周度|每个月份|按月份|各月份|每个月|每月|按月|月度|逐月|各月|每个季度|每季度|按季度|季度度|各季度|每年|按年份|按年|各年|逐年");

  private final SemanticModel model;
  private final Suggestions suggestions;
  private final String text;
  private final String lang;
  private final LocalDate asOf;
  private final List<Period> periods;
  private final List<Match> matches;
  private final boolean[] consumed;
  private final boolean[] explained;
  private final SemanticQuery previous;
  private final boolean yearToDateBasis;

  /** A metric named at a position of the question. */
  private record Pick(String metric, boolean weak, int at, Match match) {}

  Resolution(SemanticModel model, Suggestions suggestions, String text, String lang, LocalDate asOf, List<Period> periods, List<Match> matches,
      boolean[] consumed, boolean[] explained, SemanticQuery previous, boolean yearToDateBasis) {
    this.model = model;
    this.suggestions = suggestions;
    this.text = text;
    this.lang = lang;
    this.asOf = asOf;
    this.periods = periods;
    this.matches = matches;
    this.consumed = consumed;
    this.explained = explained;
    this.previous = previous;
    this.yearToDateBasis = yearToDateBasis;
  }

  private boolean zh() {
    return "zh".equals(lang);
  }

  private void use(Match m) {
    Accounting.mark(explained, m.from(), m.to());
  }

  private boolean use(Pattern p) {
    Matcher m = p.matcher(text);
    boolean any = false;
    while (m.find()) {
      Accounting.mark(explained, m.start(), m.end());
      any = true;
    }
    return any;
  }

  private boolean has(Pattern p) {
    return p.matcher(text).find();
  }

  ParseResult resolve() {
    List<String> events = new ArrayList<>();
    for (Match m : matches) {
      for (Target t : m.targets()) {
        if (t.type() == Type.EVENT && !events.contains(t.name())) {
          events.add(t.name());
        }
      }
    }
    if (CohortRetention.asks(text, matches)) {
      return finish(new CohortRetention(model, text, lang, matches, periods, consumed, explained).resolve());
    }
    if (has(FUNNEL)) {
      return finish(funnel());
    }
    if (has(CONVERSION)) {
      return finish(conversion(events));
    }
    ParseResult metricsResult = metricsQuery(events);
    return finish(metricsResult);
  }

  /** An answered parse with unexplained words becomes a clarification naming them. */
  private ParseResult finish(ParseResult r) {
    if (!"answered".equals(r.status())) {
      return r;
    }
    if (FOLLOW_UP.matcher(text).find() && previous != null) {
      use(FOLLOW_UP);
    }
    List<String> left = Accounting.leftovers(text, explained);
    if (left.isEmpty()) {
      return r;
    }
    String quoted = String.join(zh() ? "”、“" : "\", \"", left);
    String reading = Reading.of(model, r.query(), lang);
    String reason = zh()
        ? "问题中的“" + quoted + "”无法对应到语义模型，为避免给出错误的数字，没有直接回答。您是否想问：" + reading + "？"
        : "I could not place \"" + quoted + "\" in the semantic model, so I did not answer rather than risk a wrong number. Did you mean: " + reading + "?";
    List<String> options = new ArrayList<>();
    options.add(reading);
    return new ParseResult("clarify", r.query(), reason, options, lang, left);
  }

  private ParseResult metricsQuery(List<String> events) {
    List<Pick> picks = new ArrayList<>();
    boolean userWords = false;
    for (Match m : matches) {
      if (USER_WORDS.contains(m.phrase())) {
        userWords = true;
      }
      if (m.targets().stream().anyMatch(t -> t.type() == Type.EVENT)) {
        continue;
      }
      for (Target t : m.targets()) {
        if (t.type() == Type.METRIC) {
          picks.add(new Pick(t.name(), t.weak(), m.from(), m));
          break;
        }
      }
    }
    ParseResult durationProblem = applyDuration(picks);
    if (durationProblem != null) {
      return durationProblem;
    }
    ParseResult problem = applyAverage(picks);
    if (problem != null) {
      return problem;
    }
    applyDistinct(picks);
    if (events.isEmpty() && WINDOW.matcher(text).find()) {
      ParseResult conversion = entityConversion(picks);
      if (conversion != null) {
        return conversion;
      }
    }
    List<String> metrics = chooseMetrics(picks, events, userWords);
    if (metrics.isEmpty() && previous != null) {
      metrics = new ArrayList<>(previous.metrics());
    }
    boolean followUp = previous != null && (picks.isEmpty() || FOLLOW_UP.matcher(text).find());
    if (metrics.isEmpty()) {
      boolean understoodSomething = !matches.isEmpty() || !periods.isEmpty();
      String reason = zh()
          ? "没有在语义模型中找到要统计的指标。可以问的指标例如：" + String.join("、", suggestions.metrics(text))
          : "I could not find a metric of the semantic model in the question. Metrics you can ask about include: " + String.join(", ", suggestions.metrics(text));
      return understoodSomething ? ParseResult.clarify(reason, suggestions.metrics(text), lang) : ParseResult.refused(reason, lang);
    }
    Set<String> entities = new LinkedHashSet<>();
    metrics.forEach(m -> entities.addAll(model.metricEntities(m)));
    // entity words of the counted entities ("claims" in "claimed amount of claims") are explained by the metric
    for (Match m : matches) {
      boolean entityOfMetric = m.targets().stream().anyMatch(t -> t.type() == Type.ENTITY
          && entities.stream().anyMatch(e -> model.reachable(e, t.name())) && m.targets().stream().noneMatch(x -> x.type() == Type.VALUE));
      String named = entityNamed(m) != null ? entityNamed(m)
          : m.targets().stream().filter(t -> t.type() == Type.ENTITY).map(Target::name).findFirst().orElse(null);
      boolean weakMetricOfSameEntity = m.targets().stream().anyMatch(t -> t.type() == Type.METRIC && t.weak())
          && named != null && entities.stream().anyMatch(e -> model.reachable(e, named));
      boolean perOther = named != null && !entities.contains(named)
          && PER_ENTITY.matcher(text.substring(Math.max(0, m.from() - 12), m.from())).find();
      if ((entityOfMetric || weakMetricOfSameEntity) && !perOther) {
        use(m); // "claims per member" is a ratio the layer may not define: the word stays unexplained
      }
    }
    boolean eventMetric = entities.stream().allMatch(e -> model.entities().get(e).userKey() != null);
    if (eventMetric) {
      use(ACTIVE); // "active" users are the users with any tracked event: what an event metric counts
    }

    // values -> filters
    Map<String, List<String>> filterValues = new LinkedHashMap<>();
    Map<String, String> filterOps = new LinkedHashMap<>();
    List<int[]> valueSpans = new ArrayList<>();
    String sourceDimension = null;
    boolean installQualifier = eventMetric && events.contains("app_install") && events.size() > 1;
    for (Match m : matches) {
      List<Target> values = m.targets().stream().filter(t -> t.type() == Type.VALUE).toList();
      if (values.isEmpty() || m.targets().stream().anyMatch(t -> t.type() == Type.METRIC || t.type() == Type.EVENT)) {
        continue;
      }
      String mentioned = m.targets().stream().filter(t -> t.type() == Type.ENTITY && entities.contains(t.name())).map(Target::name).findFirst().orElse(null);
      if (mentioned != null && values.stream().noneMatch(t -> model.dimensions().get(t.name()).entity().equals(mentioned))) {
        use(m);
        continue; // 电话 as the calls being counted, not the claims' phone channel; 来电 (incoming calls) stays a filter
      }
      Target chosen = null;
      for (Target t : values) {
        Dimension d = model.dimensions().get(t.name());
        if (installQualifier && d.kind() == SemanticModel.Kind.USER_FIRST_EVENT_PROPERTY) {
          chosen = t;
          break;
        }
        if (chosen == null && compatible(entities, d) && !(installQualifier && d.kind() == SemanticModel.Kind.EVENT_PROPERTY)) {
          chosen = t;
        }
      }
      if (chosen == null) {
        continue; // a value of something these metrics cannot be filtered by stays unexplained
      }
      if (model.dimensions().get(chosen.name()).kind() == SemanticModel.Kind.USER_FIRST_EVENT_PROPERTY) {
        sourceDimension = chosen.name();
      }
      boolean negated = negatedBefore(m);
      String op = negated ? "not_in" : "in";
      if (filterOps.containsKey(chosen.name()) && !filterOps.get(chosen.name()).equals(op)) {
        return ParseResult.clarify(zh() ? "同一维度既包含又排除了某些值，请说明要看哪些。" : "The question both includes and excludes values of the same field; say which ones to keep.", List.of(), lang);
      }
      filterOps.put(chosen.name(), op);
      List<String> vs = filterValues.computeIfAbsent(chosen.name(), k -> new ArrayList<>());
      for (String v : chosen.values()) {
        if (!vs.contains(v)) {
          vs.add(v);
        }
      }
      valueSpans.add(new int[] {m.from(), m.to()});
      use(m);
      if (negated) {
        markNegation(m);
      }
    }
    if (sourceDimension != null) {
      events.remove("app_install");
    }

    // dimensions (group by) and the time dimension
    List<String> dims = new ArrayList<>();
    String timeDimension = null;
    for (Match m : matches) {
      List<Target> ds = m.targets().stream().filter(t -> t.type() == Type.DIMENSION).toList();
      if (ds.isEmpty() || m.targets().stream().anyMatch(t -> t.type() == Type.METRIC || t.type() == Type.EVENT || t.type() == Type.VALUE)) {
        continue;
      }
      if (durationMatches.contains(m)) {
        continue;
      }
      if (afterValue(m, valueSpans)) {
        use(m);
        continue;
      }
      Dimension chosen = null;
      for (Target t : ds) {
        Dimension d = model.dimensions().get(t.name());
        if (compatible(entities, d) && (chosen == null || (chosen.kind().isTime() && !d.kind().isTime()))) {
          chosen = d;
        }
      }
      if (chosen == null) {
        continue;
      }
      if (chosen.kind().isTime()) {
        if (entities.contains(chosen.entity()) || reachableTime(entities, chosen)) {
          timeDimension = chosen.name();
          use(m);
        }
        continue;
      }
      if (chosen.kind() == SemanticModel.Kind.BOOLEAN && !byBefore(m)) {
        boolean negated = negatedBefore(m);
        filterValues.put(chosen.name(), new ArrayList<>(List.of(negated ? "false" : "true")));
        filterOps.put(chosen.name(), "in");
        use(m);
        if (negated) {
          markNegation(m);
        }
        continue;
      }
      if (!dims.contains(chosen.name())) {
        dims.add(chosen.name());
      }
      use(m);
    }
    // "A vs B", "A and B side by side", "Sichuan and Shandong": a breakdown by that field, filtered to those values
    for (var e : filterValues.entrySet()) {
      boolean apart = has(SIDE_BY_SIDE) || (conjoined(valueSpans) && !has(TOTAL_TOGETHER));
      if (e.getValue().size() >= 2 && "in".equals(filterOps.get(e.getKey())) && apart && !dims.contains(e.getKey())
          && !model.dimensions().get(e.getKey()).kind().equals(SemanticModel.Kind.BOOLEAN)) {
        dims.add(e.getKey());
        use(SIDE_BY_SIDE);
      }
    }
    if (addEntityLevelDimensions(dims, entities) && metrics.size() == 1) {
      String count = countMetricOf(metrics.get(0));
      if (count != null && !metrics.contains(count)) {
        metrics = new ArrayList<>(metrics);
        metrics.add(count);
      }
    }
    // date parts: by day of week, hour of day, month of year
    String partDim = datePart(metrics, timeDimension);
    if (partDim != null && !dims.contains(partDim)) {
      dims.add(partDim);
    }
    boolean grainInsideDatePart = partDim != null && grainOverlapsDatePart();
    String unknown = unknownBreakdown();
    if (unknown != null) {
      Dimension fuzzy = suggestions.dimension(unknown, entities);
      if (fuzzy != null && !dims.contains(fuzzy.name())) {
        dims.add(fuzzy.name());
        markPhrase(unknown);
      } else if (fuzzy == null) {
        List<String> known = model.dimensions().values().stream()
            .filter(d -> !d.kind().isTime() && compatible(entities, d)).map(Dimension::name).toList();
        return ParseResult.clarify(zh()
            ? "语义模型中没有“" + unknown + "”这个维度。可以按这些维度拆分：" + String.join("、", known)
            : "The semantic model has no dimension \"" + unknown + "\" for these metrics. You can break them down by: " + String.join(", ", known), known, lang);
      }
    }

    List<Filter> filters = new ArrayList<>();
    filterValues.forEach((dim, vs) -> filters.add(new Filter(dim, filterOps.getOrDefault(dim, "in"), vs)));
    if (eventMetric && !events.isEmpty() && !metrics.contains("installs")) {
      filters.add(new Filter("event.event_name", "in", events));
      for (Match m : matches) {
        if (m.targets().stream().anyMatch(t -> t.type() == Type.EVENT && events.contains(t.name()))) {
          use(m);
        }
      }
    }
    if (sourceDimension != null || metrics.contains("installs")) {
      for (Match m : matches) {
        if (m.targets().stream().anyMatch(t -> t.type() == Type.EVENT && t.name().equals("app_install"))) {
          use(m);
        }
      }
    }

    // comparisons with numbers: row values (WHERE) or aggregated metrics (HAVING)
    Matcher existence = EXISTENCE.matcher(text);
    boolean[] existenceSpans = new boolean[text.length()];
    while (existence.find()) {
      Accounting.mark(explained, existence.start(), existence.end());
      Accounting.mark(existenceSpans, existence.start(), existence.end());
    }
    ThresholdOutcome thresholds = thresholds(metrics, dims, entities, filters, existenceSpans);
    if (thresholds.problem != null) {
      return thresholds.problem;
    }
    metrics = thresholds.metrics;
    if (thresholds.timeDimension != null && timeDimension == null) {
      timeDimension = thresholds.timeDimension;
    }

    // time, comparison, grain
    String grain = grainInsideDatePart ? null : DateGrammar.grain(text);
    if (grain != null) {
      use(GRAIN_WORDS);
    }
    Compare compare = null;
    TimeSpec time = null;
    List<Period> usable = periods.stream().filter(p -> !p.unit().equals("future")).toList();
    if (usable.size() >= 2) {
      Period a = usable.get(0);
      Period b = usable.get(1);
      Period later = a.start().isAfter(b.start()) ? a : b;
      Period earlier = later == a ? b : a;
      if (earlier.start().plusYears(1).equals(later.start()) && earlier.end().plusYears(1).equals(later.end())) {
        compare = new Compare("year", 1);
        time = timeSpec(timeDimension, later.start(), later.end(), grain, later.expr());
        use(COMPARE_WORDS);
      } else if (grain == null && usable.size() == 2 && (has(COMPARE_WORDS) || text.contains("和") || text.contains(" and ") || text.contains("与"))
          && sideBySide(earlier, later) > 0) {
        // "Q3 against Q4", 上半年和下半年: the two periods side by side
        compare = new Compare(earlier.unit(), sideBySide(earlier, later), a == earlier ? "periods_asc" : "periods_desc");
        time = timeSpec(timeDimension, later.start(), later.end(), null, later.expr());
        use(COMPARE_WORDS);
      } else {
        LocalDate s = usable.stream().map(Period::start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate e = usable.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow();
        String g = grain != null ? grain : has(COMPARE_WORDS) || text.contains("和") || text.contains(" and ") ? grainOf(a.unit()) : null;
        if (g != null && a.unit().equals(b.unit())) {
          use(COMPARE_WORDS);
        }
        time = timeSpec(timeDimension, s, e, g, a.expr() + ".." + b.expr());
        grain = g;
      }
    } else if (usable.size() == 1) {
      Period p = usable.get(0);
      time = timeSpec(timeDimension, p.start(), p.end(), grain, p.expr());
    } else if (grain != null) {
      time = timeSpec(timeDimension, null, null, grain, null);
    } else if (timeDimension != null) {
      time = null;
    }
    if (compare == null && has(YOY)) {
      compare = new Compare("year", 1, has(CHANGE) && !has(SHARE) ? "previous" : null);
      use(YOY);
      use(CHANGE);
    } else if (compare == null && has(POP) && time != null && time.start() != null) {
      String unit = popUnit(grain, usable);
      boolean change = has(CHANGE);
      if (grain == null && !usable.isEmpty() && spansSeveral(usable.get(0), unit)) {
        grain = unit; // month-over-month across the past half year: every month against the one before
        time = timeSpec(time.dimension(), LocalDate.parse(time.start()), LocalDate.parse(time.end()), grain, time.expr());
      }
      compare = new Compare(unit, 1, change ? "change" : null);
      use(POP);
      use(CHANGE);
    }

    // running totals
    Cumulative cumulative = null;
    boolean cumulativeMetric = metrics.stream().anyMatch(m -> "cumulative".equals(model.metrics().get(m).type()));
    if (has(CUMULATIVE)) {
      if (cumulativeMetric) {
        use(CUMULATIVE);
      } else if (grain != null && compare == null) {
        cumulative = new Cumulative(yearToDateBasis ? "year" : null);
        use(CUMULATIVE);
      }
    }

    // shares
    Share share = null;
    boolean ratioAlready = metrics.stream().allMatch(m -> model.metrics().get(m).isRatio());
    if (has(SHARE)) {
      if (ratioAlready) {
        use(SHARE);
      } else if (!filters.isEmpty() && dims.isEmpty() && !filters.get(filters.size() - 1).field().equals("event.event_name")
          && !model.metrics().containsKey(filters.get(filters.size() - 1).field())) {
        Filter part = filters.remove(filters.size() - 1);
        share = new Share("of_part", part, has(PERCENT) ? Boolean.TRUE : null);
        use(SHARE);
      } else if (!dims.isEmpty()) {
        share = new Share("of_total", null, has(PERCENT) ? Boolean.TRUE : null);
        use(SHARE);
      }
    }

    // order and limit
    Integer limit = null;
    Boolean ties = null;
    Matcher top = TOP.matcher(text);
    if (top.find()) {
      for (int g = 1; g <= top.groupCount(); g++) {
        if (top.group(g) != null) {
          limit = DeterministicParser.number(top.group(g));
          break;
        }
      }
      if (limit != null && limit <= 0) {
        limit = null;
      }
    }
    List<OrderBy> order = new ArrayList<>();
    boolean superlative = has(SUPERLATIVE);
    if ((limit != null || superlative) && (!dims.isEmpty() || grain == null) && compare == null) {
      String dir = has(BOTTOM) ? "asc" : "desc";
      order.add(new OrderBy(share != null && "of_part".equals(share.type()) ? metrics.get(0) + "_share" : metrics.get(0), dir));
      if (!dims.isEmpty()) {
        use(SUPERLATIVE);
        use(BOTTOM);
        if (limit != null) {
          use(TOP);
        }
      }
    } else if (!dims.isEmpty() && grain == null && compare == null) {
      order.add(new OrderBy(metrics.get(0), "desc"));
    }
    if (limit == null && superlative && !dims.isEmpty() && has(SINGULAR) && compare == null) {
      limit = 1;
      ties = true; // "which city had the most": every city tied for the top
      use(SINGULAR);
    }
    if (limit != null && dims.isEmpty() && grain == null) {
      limit = null;
    }

    SemanticQuery q = new SemanticQuery("metrics", metrics, dims, filters, time, order, limit, compare, share, null, null, ties, cumulative, null);
    if (followUp) {
      q = DeterministicParser.merge(previous, q, !periods.isEmpty(), grain != null);
    }
    return ParseResult.answered(q, lang);
  }

  // ---- metrics ----

  private final Set<Match> durationMatches = new java.util.HashSet<>();

  /** "hours between submission and settlement": the model's metric over that span, or a clarification when it has none. */
  private ParseResult applyDuration(List<Pick> picks) {
    Matcher d = DURATION.matcher(text);
    if (!d.find()) {
      return null;
    }
    List<Match> inside = matches.stream().filter(m -> m.from() >= d.start() && m.to() <= d.end()).toList();
    List<Dimension> times = new ArrayList<>();
    for (Match m : inside) {
      m.targets().stream().filter(t -> t.type() == Type.DIMENSION).map(t -> model.dimensions().get(t.name()))
          .filter(x -> x.kind().isTime()).findFirst().ifPresent(times::add);
    }
    if (times.size() != 2 || !times.get(0).entity().equals(times.get(1).entity())) {
      return null;
    }
    String from = times.get(0).column();
    String to = times.get(1).column();
    for (Metric m : model.metrics().values()) {
      if (m.hidden() || m.measure() == null || m.measure().expr() == null || !m.entity().equals(times.get(0).entity())) {
        continue;
      }
      String expr = m.measure().expr().replace(" ", "");
      if (expr.contains("between(" + from + "," + to + ")")) {
        picks.add(new Pick(m.name(), false, d.start(), null));
        durationMatches.addAll(inside);
        Accounting.mark(explained, d.start(), d.end());
        return null;
      }
    }
    return ParseResult.clarify(zh() ? "语义模型没有定义从“" + times.get(0).name() + "”到“" + times.get(1).name() + "”的时长指标。"
        : "The semantic model defines no duration from " + times.get(0).name() + " to " + times.get(1).name() + ".", List.of(), lang);
  }

  /** "average X": the model's average of the same measure; refuses to answer a total when an average was asked. */
  private ParseResult applyAverage(List<Pick> picks) {
    Matcher a = AVERAGE.matcher(text);
    while (a.find()) {
      if (!Lexicon.free(consumed, a.start(), a.end())) {
        continue; // part of a metric phrase such as "mean claim amount"
      }
      Pick target = null;
      for (Pick p : picks) {
        if (p.at() >= a.end() && p.at() - a.end() <= 14) {
          target = p;
          break;
        }
      }
      if (target == null) {
        continue;
      }
      Metric m = model.metrics().get(target.metric());
      if (m.measure() != null && "avg".equals(m.measure().agg()) || m.isRatio()) {
        Accounting.mark(explained, a.start(), a.end());
        continue;
      }
      Metric avg = averageOf(m);
      if (avg == null) {
        return ParseResult.clarify(zh()
            ? "语义模型没有定义“" + DeterministicParser.label(m, lang) + "”的平均值，只能给出总数；请确认要看哪一个。"
            : "The semantic model defines no average of " + m.name() + ", only its total; say whether the total is what you need.", List.of(m.name()), lang);
      }
      picks.set(picks.indexOf(target), new Pick(avg.name(), false, target.at(), target.match()));
      Accounting.mark(explained, a.start(), a.end());
    }
    return null;
  }

  private Metric averageOf(Metric m) {
    if (m.measure() == null) {
      return null;
    }
    if ("count".equals(m.measure().agg())) {
      return null;
    }
    for (Metric c : model.metrics().values()) {
      if ("simple".equals(c.type()) && !c.hidden() && c.measure() != null && "avg".equals(c.measure().agg()) && c.entity().equals(m.entity())
          && java.util.Objects.equals(c.measure().expr(), m.measure().expr()) && c.measure().filter().equals(m.measure().filter())) {
        return c;
      }
    }
    return null;
  }

  /** "distinct members who filed claims": the claims' distinct count of the member key. */
  private void applyDistinct(List<Pick> picks) {
    Matcher d = DISTINCT.matcher(text);
    while (d.find()) {
      Match entityWord = null;
      for (Match m : matches) {
        if (m.from() >= d.end() && m.from() - d.end() <= 2 && m.targets().stream().anyMatch(t -> t.type() == Type.ENTITY)) {
          entityWord = m;
          break;
        }
      }
      if (entityWord == null) {
        continue;
      }
      String counted = entityWord.targets().stream().filter(t -> t.type() == Type.ENTITY).findFirst().orElseThrow().name();
      for (Pick p : picks) {
        if (p.match() == entityWord) {
          continue;
        }
        for (String e : model.metricEntities(p.metric())) {
          String fk = model.entities().get(e).joins().get(counted);
          Metric distinct = fk == null ? null : model.metrics().values().stream()
              .filter(c -> "simple".equals(c.type()) && !c.hidden() && e.equals(c.entity()) && c.measure() != null
                  && "count_distinct".equals(c.measure().agg()) && fk.equals(c.measure().expr()) && c.measure().filter().isEmpty())
              .findFirst().orElse(null);
          if (distinct != null) {
            Match word = entityWord;
            picks.removeIf(x -> x.match() == word);
            picks.set(picks.indexOf(p), new Pick(distinct.name(), false, p.at(), p.match()));
            Accounting.mark(explained, d.start(), d.end());
            use(word);
            return;
          }
        }
      }
    }
  }

  private List<String> chooseMetrics(List<Pick> picks, List<String> events, boolean userWords) {
    List<Pick> strong = new ArrayList<>(picks.stream().filter(p -> !p.weak()).toList());
    List<Pick> weak = picks.stream().filter(Pick::weak).toList();
    if (!events.isEmpty()) {
      List<String> eventMetrics = new ArrayList<>();
      for (Pick p : strong) {
        if (model.metricEntities(p.metric()).stream().allMatch(e -> model.entities().get(e).userKey() != null) && !eventMetrics.contains(p.metric())) {
          eventMetrics.add(p.metric());
          use(p.match());
        }
      }
      if (!eventMetrics.isEmpty()) {
        return eventMetrics;
      }
      if (strong.isEmpty()) {
        String m = userWords || weak.stream().anyMatch(p -> p.metric().equals("unique_users")) ? "unique_users" : "event_count";
        weak.stream().filter(p -> p.metric().equals(m)).forEach(p -> use(p.match()));
        return new ArrayList<>(List.of(m));
      }
    }
    String context = contextEntity(strong, weak);
    // a count word ("count", 多少笔) asks for the number of the entity beside the other metrics
    Matcher c = COUNT_WORD.matcher(text);
    while (c.find() && context != null) {
      if (!Lexicon.free(consumed, c.start(), c.end())) {
        continue;
      }
      int end = c.end();
      boolean partOfNext = strong.stream().anyMatch(p -> p.at() >= end && p.at() - end <= 3);
      if (partOfNext) {
        Accounting.mark(explained, c.start(), c.end());
        continue; // "number of days from ..." belongs to the metric after it
      }
      String ctx = context;
      boolean counted = strong.stream().anyMatch(p -> {
        Metric m = model.metrics().get(p.metric());
        return ctx.equals(m.entity()) && m.measure() != null && m.measure().agg().startsWith("count");
      });
      Metric count = countOf(context);
      if (!counted && count != null && !strong.isEmpty()) {
        strong.add(new Pick(count.name(), false, c.start(), null));
      }
      if (count != null) {
        Accounting.mark(explained, c.start(), c.end());
      }
    }
    // a bare "amount" (金额) is the entity's plain total amount, when it has exactly one
    Matcher a = AMOUNT_WORD.matcher(text);
    while (a.find() && context != null) {
      if (!Lexicon.free(consumed, a.start(), a.end())) {
        continue;
      }
      boolean summed = strong.stream().anyMatch(p -> {
        Metric m = model.metrics().get(p.metric());
        return m.measure() != null && ("sum".equals(m.measure().agg()) || "avg".equals(m.measure().agg()));
      });
      Metric amount = amountOf(context);
      if (summed) {
        Accounting.mark(explained, a.start(), a.end());
      } else if (amount != null) {
        strong.add(new Pick(amount.name(), false, a.start(), null));
        Accounting.mark(explained, a.start(), a.end());
      }
    }
    strong.sort(Comparator.comparingInt(Pick::at));
    List<String> out = new ArrayList<>();
    for (Pick p : strong) {
      if (!out.contains(p.metric())) {
        out.add(p.metric());
      }
      if (p.match() != null) {
        use(p.match());
      }
    }
    if (out.isEmpty() && !weak.isEmpty()) {
      out.add(weak.get(0).metric());
      use(weak.get(0).match());
    }
    if (out.isEmpty()) {
      // only an entity was named ("payments by method", 来电按小时): the number of them
      for (Match m : matches) {
        for (Target t : m.targets()) {
          if (t.type() == Type.ENTITY && countOf(t.name()) != null) {
            out.add(countOf(t.name()).name());
            use(m);
            return out;
          }
        }
      }
    }
    return out;
  }

  private String contextEntity(List<Pick> strong, List<Pick> weak) {
    for (Pick p : weak) {
      Metric m = model.metrics().get(p.metric());
      if (m.entity() != null) {
        return m.entity();
      }
    }
    for (Pick p : strong) {
      Metric m = model.metrics().get(p.metric());
      if (m.entity() != null) {
        return m.entity();
      }
    }
    for (Match m : matches) {
      for (Target t : m.targets()) {
        if (t.type() == Type.ENTITY) {
          return t.name();
        }
      }
    }
    return null;
  }

  /** The entity's plain count (no filter, default time). */
  private Metric countOf(String entity) {
    return model.metrics().values().stream()
        .filter(c -> "simple".equals(c.type()) && !c.hidden() && entity.equals(c.entity()) && c.measure() != null
            && "count".equals(c.measure().agg()) && c.measure().filter().isEmpty() && c.timeColumn() == null)
        .findFirst().orElse(null);
  }

  /** The entity's only unfiltered sum, or null when it has none or several. */
  private Metric amountOf(String entity) {
    List<Metric> sums = model.metrics().values().stream()
        .filter(c -> "simple".equals(c.type()) && !c.hidden() && entity.equals(c.entity()) && c.measure() != null
            && "sum".equals(c.measure().agg()) && c.measure().filter().isEmpty())
        .toList();
    return sums.size() == 1 ? sums.get(0) : null;
  }

  // ---- thresholds ----

  private record ThresholdOutcome(List<String> metrics, String timeDimension, ParseResult problem) {}

  private ThresholdOutcome thresholds(List<String> metrics, List<String> dims, Set<String> entities, List<Filter> filters, boolean[] existence) {
    boolean[] taken = consumedWithPeriods();
    for (int k = 0; k < taken.length; k++) {
      taken[k] |= existence[k];
    }
    List<Threshold> found = Thresholds.find(text, taken);
    List<String> out = new ArrayList<>(metrics);
    String timeDim = null;
    for (Threshold t : found) {
      Match metricMatch = nearestMetric(t);
      Match counted = countedEntityBefore(t, metricMatch);
      if (metricMatch != null) {
        String fm = metricMatch.targets().stream().filter(x -> x.type() == Type.METRIC).findFirst().orElseThrow().name();
        Metric metric = model.metrics().get(fm);
        String countedEntity = counted == null ? null : entityNamed(counted);
        if (countedEntity != null && metric.entity() != null && !countedEntity.equals(metric.entity())
            && model.entities().get(metric.entity()).joins().containsKey(countedEntity) && "simple".equals(metric.type())) {
          // members paid over 5,000 in total: count the members whose payouts pass
          filters.add(new Filter(fm, t.op(), List.of(t.valueText()), countedEntity));
          out.remove(fm);
          Metric count = countOf(countedEntity);
          out.removeIf(x -> model.metricEntities(x).contains(countedEntity) && !x.equals(count == null ? null : count.name())
              && model.metrics().get(x).measure() != null && model.metrics().get(x).measure().agg().startsWith("count"));
          if (out.isEmpty() && count != null) {
            out.add(count.name());
          }
          use(counted);
          use(metricMatch);
          timeDim = timeDimensionOf(metric);
        } else if (!dims.isEmpty()) {
          // "provinces with at least 50 new members": keep the groups whose total passes
          filters.add(new Filter(fm, t.op(), List.of(t.valueText())));
          if (!out.contains(fm)) {
            out.add(fm);
          }
          use(metricMatch);
        } else if (counted != null && counted.from() > metricMatch.to() && counted.to() <= t.from() && entityNamed(counted) != null
            && defaultNumberColumn(entityNamed(counted)) != null) {
          // "average claimed amount for claims above 10,000": the comparison selects the claims, the metric stays
          filters.add(new Filter(defaultNumberColumn(entityNamed(counted)).name(), t.op(), List.of(t.valueText())));
          use(counted);
        } else if (entityNamed(metricMatch) != null && metricMatch.to() <= t.from() && defaultNumberColumn(entityNamed(metricMatch)) != null) {
          // claims counted "over 8,000": the comparison is on the counted claims' amount
          filters.add(new Filter(defaultNumberColumn(entityNamed(metricMatch)).name(), t.op(), List.of(t.valueText())));
          use(metricMatch);
        } else {
          Dimension column = numberColumnOf(metric);
          if (column == null) {
            return new ThresholdOutcome(out, null, clarifyThreshold(t));
          }
          filters.add(new Filter(column.name(), t.op(), List.of(t.valueText())));
          // "claims with a claimed amount above 20,000": the amount selects rows; what is asked is how many
          out.remove(fm);
          if (out.isEmpty()) {
            Metric count = countOf(counted != null && entityNamed(counted) != null ? entityNamed(counted) : metric.entity());
            if (count == null) {
              return new ThresholdOutcome(out, null, clarifyThreshold(t));
            }
            out.add(count.name());
          }
          use(metricMatch);
          if (counted != null) {
            use(counted);
          }
        }
      } else {
        // "payments above 5,000": a row value of what is counted
        Dimension column = null;
        for (String e : entities) {
          column = defaultNumberColumn(e);
          if (column != null) {
            break;
          }
        }
        if (column == null) {
          return new ThresholdOutcome(out, null, clarifyThreshold(t));
        }
        filters.add(new Filter(column.name(), t.op(), List.of(t.valueText())));
      }
      Accounting.mark(explained, t.from(), t.to());
    }
    return new ThresholdOutcome(out, timeDim, null);
  }

  private boolean[] consumedWithPeriods() {
    boolean[] taken = consumed.clone();
    for (Period p : periods) {
      Accounting.mark(taken, p.from(), p.to());
    }
    return taken;
  }

  private ParseResult clarifyThreshold(Threshold t) {
    String phrase = text.substring(t.from(), t.to());
    return ParseResult.clarify(zh() ? "“" + phrase + "”要比较的是哪个数值（例如金额、次数）？请说明。"
        : "What should \"" + phrase + "\" be compared with (an amount, a count)? Please say which value.", List.of(), lang);
  }

  private Match nearestMetric(Threshold t) {
    Match best = null;
    int bestGap = Integer.MAX_VALUE;
    for (Match m : matches) {
      if (m.targets().stream().noneMatch(x -> x.type() == Type.METRIC)) {
        continue;
      }
      int gap = m.from() >= t.to() ? m.from() - t.to() : m.to() <= t.from() ? (t.from() - m.to()) + 2 : Integer.MAX_VALUE;
      boolean rightAfter = m.from() >= t.to() && text.substring(t.to(), m.from()).isBlank() && gap <= 2; // 超过2万的理赔: 的 makes it the counted noun
      if (m.targets().stream().anyMatch(x -> x.type() == Type.ENTITY) && !rightAfter) {
        continue; // "claims" before a comparison names what is counted; "more than 100 claims" compares their number
      }
      if (gap <= 14 && gap < bestGap) {
        best = m;
        bestGap = gap;
      }
    }
    return best;
  }

  /** What a comparison counts: an entity named before it, or right after it (超过5000的会员). */
  private Match countedEntityBefore(Threshold t, Match metricMatch) {
    Match best = null;
    for (Match m : matches) {
      if (m == metricMatch || entityNamed(m) == null) {
        continue;
      }
      if (m.to() <= t.from()) {
        best = m;
      } else if (best == null && m.from() >= t.to() && m.from() - t.to() <= 2) {
        return m;
      }
    }
    return best;
  }

  /** The entity a match names: an entity word, or the phrase of an entity's plain count ("number of members"). */
  private String entityNamed(Match m) {
    for (Target x : m.targets()) {
      if (x.type() == Type.ENTITY) {
        return x.name();
      }
    }
    for (Target x : m.targets()) {
      if (x.type() == Type.METRIC) {
        Metric metric = model.metrics().get(x.name());
        Metric count = metric.entity() == null ? null : countOf(metric.entity());
        if (count != null && count.name().equals(metric.name())) {
          return metric.entity();
        }
      }
    }
    return null;
  }

  private String timeDimensionOf(Metric m) {
    Entity e = model.entities().get(m.entity());
    String col = m.timeColumn() != null && !"none".equals(m.timeColumn()) ? m.timeColumn() : e.timeColumn();
    return col == null ? null : model.columnDimension(e.name(), col).map(Dimension::name).orElse(null);
  }

  /** The number column a simple sum metric adds up (claimed amount over 5,000 = claims whose amount is over 5,000). */
  private Dimension numberColumnOf(Metric m) {
    if (!"simple".equals(m.type()) || m.measure() == null || m.measure().expr() == null) {
      return null;
    }
    return model.dimensions().values().stream()
        .filter(d -> d.kind() == SemanticModel.Kind.NUMBER && d.entity().equals(m.entity()) && m.measure().expr().equals(d.column()))
        .findFirst().orElse(null);
  }

  private Dimension defaultNumberColumn(String entity) {
    return model.dimensions().values().stream()
        .filter(d -> d.kind() == SemanticModel.Kind.NUMBER && d.entity().equals(entity) && d.name().endsWith("amount"))
        .findFirst().orElse(null);
  }

  // ---- dimensions ----

  private String datePart(List<String> metrics, String timeDimension) {
    String part = null;
    Pattern p = null;
    if (has(DAY_OF_WEEK)) {
      part = "day_of_week";
      p = DAY_OF_WEEK;
    } else if (has(HOUR_OF_DAY)) {
      part = "hour";
      p = HOUR_OF_DAY;
    } else if (has(MONTH_OF_YEAR)) {
      part = "month_of_year";
      p = MONTH_OF_YEAR;
    }
    if (part == null) {
      return null;
    }
    String base = timeDimension;
    if (base == null) {
      Metric m = model.metrics().get(metrics.get(0));
      if (m.entity() == null) {
        return null;
      }
      base = timeDimensionOf(m);
    }
    if (base == null || !model.dimensions().get(base).kind().isTime()) {
      return null;
    }
    use(p);
    return base + "__" + part;
  }

  /** "by day of week", "by month of year": the "by day" / "by month" inside is not a grain. */
  private boolean grainOverlapsDatePart() {
    for (Pattern p : List.of(DAY_OF_WEEK, HOUR_OF_DAY, MONTH_OF_YEAR)) {
      Matcher d = p.matcher(text);
      while (d.find()) {
        Matcher g = GRAIN_WORDS.matcher(text);
        boolean other = false;
        boolean inside = false;
        while (g.find()) {
          if (g.start() < d.end() && g.end() > d.start() || d.start() - g.end() >= 0 && d.start() - g.end() <= 1 && g.group().startsWith("by")) {
            inside = true;
          } else {
            other = true;
          }
        }
        if (inside && !other) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean compatible(Set<String> entities, Dimension d) {
    return entities.stream().allMatch(e -> model.compatible(e, d));
  }

  private boolean reachableTime(Set<String> entities, Dimension d) {
    return entities.stream().allMatch(e -> model.reachable(e, d.entity()) && model.entities().get(e).timeColumn() == null);
  }

  private boolean byBefore(Match m) {
    String before = text.substring(Math.max(0, m.from() - 12), m.from());
    return before.matches(".*\\b(by|per|each|split by|grouped by)\\s+$") || before.endsWith("按") || before.endsWith("各");
  }

  private boolean negatedBefore(Match m) {
    String before = text.substring(Math.max(0, m.from() - 16), m.from());
    return NEGATION_BEFORE.matcher(before).find();
  }

  private void markNegation(Match m) {
    String before = text.substring(Math.max(0, m.from() - 16), m.from());
    Matcher n = NEGATION_BEFORE.matcher(before);
    if (n.find()) {
      Accounting.mark(explained, m.from() - (before.length() - n.start()), m.from());
    }
  }

  /** Two values named next to each other with and / 和 / a comma between them. */
  private boolean conjoined(List<int[]> valueSpans) {
    for (int i = 0; i + 1 < valueSpans.size(); i++) {
      int from = valueSpans.get(i)[1];
      int to = valueSpans.get(i + 1)[0];
      if (to >= from && CONJOINED.matcher(text.substring(from, to)).find()) {
        Accounting.mark(explained, from, to);
        return true;
      }
    }
    return false;
  }

  private boolean afterValue(Match m, List<int[]> valueSpans) {
    for (int[] v : valueSpans) {
      int gap = m.from() - v[1];
      if (gap >= 0 && gap <= 1) {
        return true;
      }
    }
    return false;
  }

  private void markPhrase(String phrase) {
    int i = text.indexOf(phrase);
    if (i >= 0) {
      Accounting.mark(explained, i, i + phrase.length());
    }
  }

  /** "top 10 members", "which members", 前十名会员: list at the entity's own level (member number). */
  private String countMetricOf(String metric) {
    Metric m = model.metrics().get(metric);
    if (m == null || m.measure() == null || !"sum".equals(m.measure().agg()) || !m.measure().filter().isEmpty()) {
      return null; // a count of all payments beside payouts would count other rows than the total
    }
    Metric c = countOf(m.entity());
    return c == null ? null : c.name();
  }

  private boolean addEntityLevelDimensions(List<String> dims, Set<String> entities) {
    for (Dimension d : model.dimensions().values()) {
      if (!d.entityLevel() || !compatible(entities, d)) {
        continue;
      }
      for (String syn : model.entities().get(d.entity()).synonyms()) {
        String s = Text.normalize(syn);
        String re = Text.hasCjk(s)
            ? "(前" + NUMWORD + "(名|位|个)?|哪些|哪几位|哪个|(?:最高|最多|最大|最低|最少|最小)的?" + NUMWORD + "(?:名|位|个)?)的?" + Pattern.quote(s)
            : "\\b(top|list(?: the)?|which|the)\\s+(" + NUMWORD + "\\s+)?" + Pattern.quote(s) + "s?\\b";
        Matcher m = Pattern.compile(re).matcher(text);
        if (m.find() && !dims.contains(d.name())) {
          dims.add(d.name());
          Accounting.mark(explained, m.start(), m.end());
          return true;
        }
      }
    }
    return false;
  }

  /** A "by X" / 按X phrase none of whose words were understood, or null. */
  private String unknownBreakdown() {
    Matcher m = UNKNOWN_BY.matcher(text);
    while (m.find()) {
      int g = m.group(1) != null ? 1 : 2;
      String phrase = m.group(g).strip();
      if (phrase.isEmpty() || DateGrammar.grain(m.group()) != null || phrase.matches("(day|week|month|quarter|year|天|周|月|季度|年)s?")
          || DAY_OF_WEEK.matcher(phrase).find() || HOUR_OF_DAY.matcher(phrase).find()) {
        continue;
      }
      if (Lexicon.free(consumed, m.start(g), m.start(g) + m.group(g).length())) {
        return phrase;
      }
    }
    return null;
  }

  // ---- time ----

  private TimeSpec timeSpec(String dimension, LocalDate s, LocalDate e, String grain, String expr) {
    return new TimeSpec(dimension, s == null ? null : s.toString(), e == null ? null : e.toString(), grain, expr);
  }

  private static String grainOf(String unit) {
    return switch (unit) {
      case "month", "quarter", "year", "half_year", "week", "day" -> unit;
      default -> null;
    };
  }

  private String popUnit(String grain, List<Period> usable) {
    Matcher u = POP_UNIT.matcher(text);
    if (u.find()) {
      String w = u.group(1) != null ? u.group(1) : switch (u.group(2)) {
        case "mom" -> "month";
        case "wow" -> "week";
        default -> "quarter";
      };
      return w;
    }
    if (grain != null) {
      return grain;
    }
    if (usable.isEmpty()) {
      return "month";
    }
    return switch (usable.get(0).unit()) {
      case "week" -> "week";
      case "quarter" -> "quarter";
      case "year" -> "year";
      default -> "month";
    };
  }

  /** How many units the later of two whole periods of one unit lies after the earlier, or 0 when they are not such a pair. */
  private static int sideBySide(Period earlier, Period later) {
    if (!earlier.unit().equals(later.unit())) {
      return 0;
    }
    int months = switch (earlier.unit()) {
      case "month" -> 1;
      case "quarter" -> 3;
      case "half_year" -> 6;
      default -> 0;
    };
    if (months == 0) {
      return 0;
    }
    for (int k = 1; k <= 24; k++) {
      if (earlier.start().plusMonths((long) months * k).equals(later.start())
          && earlier.end().plusMonths((long) months * k).equals(later.end())) {
        return k;
      }
    }
    return 0;
  }

  private static boolean spansSeveral(Period p, String unit) {
    return switch (unit) {
      case "day" -> p.start().plusDays(1).isBefore(p.end());
      case "week" -> p.start().plusWeeks(1).isBefore(p.end());
      case "month" -> p.start().plusMonths(1).isBefore(p.end());
      case "quarter" -> p.start().plusMonths(3).isBefore(p.end());
      default -> p.start().plusYears(1).isBefore(p.end());
    };
  }

  /**
   * "share of new members with a claim in their first 30 days": the rows a dated
   * count selects (new members) converting to a linked entity (a claim) within the window.
   */
  private ParseResult entityConversion(List<Pick> picks) {
    Pick base = null;
    for (Pick p : picks) {
      Metric m = model.metrics().get(p.metric());
      if (m.entity() != null && m.measure() != null && m.measure().agg().equals("count") && m.timeColumn() != null && !"none".equals(m.timeColumn())) {
        base = p;
        break;
      }
    }
    if (base == null) {
      return null;
    }
    String baseEntity = model.metrics().get(base.metric()).entity();
    Match target = null;
    String targetEntity = null;
    for (Match m : matches) {
      String e = m.targets().stream().filter(t -> t.type() == Type.ENTITY).map(Target::name).findFirst().orElse(entityNamed(m));
      if (e != null && !e.equals(baseEntity) && model.entities().get(e).joins().containsKey(baseEntity) && m.from() > base.at()) {
        target = m;
        targetEntity = e;
        break;
      }
    }
    if (target == null || countOf(targetEntity) == null) {
      return null;
    }
    int window = window(-1);
    if (window < 0) {
      return null;
    }
    List<Period> usable = periods.stream().filter(p -> !p.unit().equals("future")).toList();
    if (usable.isEmpty()) {
      return ParseResult.clarify(zh() ? "请说明起始的时间段（例如哪段时间加入的会员）。" : "For which period of the starting group?", List.of(), lang);
    }
    use(base.match());
    use(target);
    String convEntity = targetEntity;
    for (Match m : matches) {
      boolean dateOfEither = m.targets().stream().anyMatch(t -> t.type() == Type.DIMENSION && model.dimensions().get(t.name()).kind().isTime()
          && (model.dimensions().get(t.name()).entity().equals(baseEntity) || model.dimensions().get(t.name()).entity().equals(convEntity)));
      if (dateOfEither) {
        use(m);
      }
    }
    use(SHARE);
    use(CONVERSION);
    Period p = usable.get(0);
    SemanticQuery q = new SemanticQuery("conversion", List.of(), List.of(), List.of(), timeSpec(null, p.start(), p.end(), null, p.expr()),
        List.of(), null, null, null, null, new Conversion(null, null, window, base.metric(), countOf(targetEntity).name(), has(PERCENT) ? Boolean.TRUE : null));
    return ParseResult.answered(q, lang);
  }

  // ---- event analyses ----

  private void markEvents() {
    for (Match m : matches) {
      if (m.targets().stream().anyMatch(t -> t.type() == Type.EVENT)) {
        use(m);
      }
      if (m.targets().stream().anyMatch(t -> t.type() == Type.ENTITY && "event".equals(t.name()))) {
        use(m);
      }
    }
    for (String w : USER_WORDS) {
      Matcher u = Pattern.compile((Text.hasCjk(w) ? "" : "\\b") + Pattern.quote(w) + (Text.hasCjk(w) ? "" : "\\b")).matcher(text);
      while (u.find()) {
        Accounting.mark(explained, u.start(), u.end());
      }
    }
  }

  private static final Pattern WINDOW = Pattern.compile(
      "(?:within|in)\\s+(?:the\\s+)?(?:first\\s+)?([0-9]+|[a-z]+)\\s+days?|([0-9]+)[- ]?days?\\s+(?:conversion\\s+)?window|(?:window|conversion window)(?: of)?\\s+([0-9]+)\\s*days?"
          + "|([0-9]+|[一二两三四五六七八九十]+)(?:天|日)(?:内|之内|以内|窗口)|([0-9]+)[- ]?days? (?=(?:[a-z]+ ){0,4}(?:conversion|funnel))|([0-9]+|[一二两三四五六七八九十]+)(?:天|日)(?=的?(?:转化|漏斗))");

  private int window(int fallback) {
    Matcher w = WINDOW.matcher(text);
    if (w.find()) {
      for (int g = 1; g <= w.groupCount(); g++) {
        if (w.group(g) != null) {
          int n = DeterministicParser.number(w.group(g));
          if (n > 0) {
            Accounting.mark(explained, w.start(), w.end());
            return n;
          }
        }
      }
    }
    return fallback;
  }

  private List<String> eventsInOrder() {
    List<String> ordered = new ArrayList<>();
    for (Match m : matches) {
      m.targets().stream().filter(t -> t.type() == Type.EVENT).findFirst().ifPresent(t -> {
        if (!ordered.contains(t.name())) {
          ordered.add(t.name());
        }
      });
    }
    return ordered;
  }

  /**
   * Funnel steps in the order written; a step written as part of an event's name (缴费 for App缴费,
   * "quote" for view quote) counts when exactly one event's names contain it.
   */
  private List<String> funnelSteps() {
    java.util.TreeMap<Integer, String> byPosition = new java.util.TreeMap<>();
    for (Match m : matches) {
      m.targets().stream().filter(t -> t.type() == Type.EVENT).findFirst().ifPresent(t -> byPosition.put(m.from(), t.name()));
    }
    Matcher seg = Pattern.compile("[^>→,，、]+").matcher(text);
    while (seg.find()) {
      int from = seg.start();
      int to = seg.end();
      if (byPosition.subMap(from, to).size() > 0) {
        continue;
      }
      for (String piece : Accounting.leftovers(seg.group(), java.util.Arrays.copyOfRange(explained, from, to))) {
        List<String> owners = model.events().values().stream()
            .filter(e -> e.synonyms().stream().anyMatch(syn -> piece.length() >= 2 && Text.normalize(syn).contains(piece)))
            .map(SemanticModel.Event::name).distinct().toList();
        if (owners.size() == 1) {
          int at = text.indexOf(piece, from);
          byPosition.put(at, owners.get(0));
          Accounting.mark(explained, at, at + piece.length());
        }
      }
    }
    List<String> steps = new ArrayList<>();
    for (String e : byPosition.values()) {
      if (!steps.contains(e)) {
        steps.add(e); // a funnel whose entry step is named again in its period: the repeat names the entry step
      }
    }
    return steps;
  }

  private ParseResult funnel() {
    use(FUNNEL);
    markEvents();
    List<String> steps = funnelSteps();
    if (steps.size() < 2) {
      return ParseResult.clarify(zh() ? "漏斗需要至少两个按顺序的事件，例如“注册 > 查看报价 > 缴费”。"
          : "A funnel needs at least two ordered events, e.g. \"install > signup > quote\".", new ArrayList<>(model.events().keySet()), lang);
    }
    use(STEP_ARROW);
    int window = window(14);
    List<Period> usable = periods.stream().filter(p -> !p.unit().equals("future")).toList();
    if (usable.isEmpty()) {
      return ParseResult.clarify(zh() ? "请说明漏斗第一步发生的时间段。" : "For which period of the first step?", List.of(), lang);
    }
    Period p = usable.get(0);
    SemanticQuery q = new SemanticQuery("funnel", List.of(), List.of(), List.of(), timeSpec(null, p.start(), p.end(), null, p.expr()),
        List.of(), null, null, null, null, null, null, null, new Funnel(steps, window));
    return ParseResult.answered(q, lang);
  }

  private ParseResult conversion(List<String> events) {
    List<String> ordered = eventsInOrder();
    if (ordered.size() < 2) {
      return ParseResult.clarify(zh() ? "转化分析需要两个事件，例如“安装到注册的转化率”。"
          : "A conversion needs two events, e.g. \"install to quote conversion\".", new ArrayList<>(model.events().keySet()), lang);
    }
    use(CONVERSION);
    markEvents();
    use(STEP_ARROW);
    int window = window(7);
    List<Period> usable = periods.stream().filter(p -> !p.unit().equals("future")).toList();
    if (usable.isEmpty()) {
      return ParseResult.clarify(zh() ? "请说明起始事件发生的时间段。" : "For which period of the first event?", List.of(), lang);
    }
    Period p = usable.get(0);
    List<String> dims = new ArrayList<>();
    for (Match m : matches) {
      for (Target t : m.targets()) {
        if (t.type() == Type.DIMENSION) {
          Dimension d = model.dimensions().get(t.name());
          if (!d.kind().isTime() && model.compatible(model.eventEntity().name(), d) && !dims.contains(d.name())) {
            dims.add(d.name());
            use(m);
            break;
          }
        }
      }
    }
    SemanticQuery q = new SemanticQuery("conversion", List.of(), dims, List.of(), timeSpec(null, p.start(), p.end(), null, p.expr()),
        List.of(), null, null, null, null, new Conversion(ordered.get(0), ordered.get(1), window));
    return ParseResult.answered(q, lang);
  }
}
