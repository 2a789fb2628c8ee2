package com.carmutual.text2data.parse;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Metric;
import com.carmutual.text2data.parse.DateGrammar.Period;
import com.carmutual.text2data.parse.Lexicon.Match;
import com.carmutual.text2data.parse.Lexicon.Target;
import com.carmutual.text2data.parse.Lexicon.Type;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Compare;
import com.carmutual.text2data.query.SemanticQuery.Conversion;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import com.carmutual.text2data.query.SemanticQuery.OrderBy;
import com.carmutual.text2data.query.SemanticQuery.Retention;
import com.carmutual.text2data.query.SemanticQuery.Share;
import com.carmutual.text2data.query.SemanticQuery.TimeSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline implementation of {@code text2data.parse}: a question in English or Chinese becomes
 * a semantic query through the model's lexicon (synonyms, value maps, the warehouse's own values),
 * the date grammar, and a few constructions (top N, shares, comparisons, retention, conversion,
 * follow-ups). It refuses SQL, write attempts and personal data, and asks for clarification rather
 * than guessing when part of a question is not understood.
 */
public final class DeterministicParser {
  private static final Pattern SQL = Pattern.compile(
      "(;|--|/\\*|\\*/|\\b(select\\s+.+\\s+from|drop\\s+(table|database|schema)|delete\\s+from|insert\\s+into|update\\s+\\w+\\s+set|truncate|alter\\s+table|"
          + "create\\s+(table|user|role|function)|grant\\s|revoke\\s|union\\s+(all\\s+)?select|pg_sleep|sleep\\s*\\(|pg_read_file|copy\\s+\\w+|exec(ute)?\\s|xp_cmdshell|"
          + "information_schema|pg_catalog|benchmark\\s*\\(|waitfor\\s+delay|or\\s+1\\s*=\\s*1|'\\s*or\\s*')\\b)");
  private static final Pattern WRITE = Pattern.compile(
      "\\b(delete|remove|drop|erase|wipe|update|modify|overwrite|insert|truncate)\\b.*\\b(data|table|rows?|records?|claims?|members?|payments?|database)\\b|删除|删掉|清空|修改数据|更新数据|插入|篡改");
  private static final Pattern PII = Pattern.compile(
      "\\b(full names?|names? of|names|phone numbers?|mobile numbers?|plate numbers?|license plates?|plates|birth ?dates?|birthdays?|date of birth|id numbers?|addresses|home address)\\b"
          + "|姓名|名字|手机号|电话号码|车牌|生日|出生日期|身份证|住址|家庭地址");
  private static final Pattern RETENTION = Pattern.compile("\\b(retention|retained|retain|come back|came back|returning users)\\b|留存|回访");
  private static final Pattern CONVERSION = Pattern.compile("\\b(conversion|convert|converted|converting)\\b|转化");
  private static final Pattern FUNNEL = Pattern.compile("\\bfunnel\\b|漏斗");
  private static final Pattern YOY = Pattern.compile(
      "\\b(year[- ]over[- ]year|year[- ]on[- ]year|yoy|vs\\.? (the )?(same period )?last year|compared (to|with) (the )?(same period )?(of )?last year|versus last year)\\b|同比|去年同期");
  private static final Pattern POP = Pattern.compile("\\b(month[- ]over[- ]month|mom|period[- ]over[- ]period|week[- ]over[- ]week|wow|quarter[- ]over[- ]quarter|qoq)\\b|环比");
  private static final Pattern COMPARE_WORDS = Pattern.compile("\\b(vs\\.?|versus|compare|compared|comparison|against)\\b|对比|比较|相比|相较");
  private static final Pattern SHARE = Pattern.compile("\\b(share|percentage|percent|proportion|fraction|what %)\\b|占比|比例|百分比|比重|份额");
  private static final String NUMWORD = "([0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|[一二两三四五六七八九十]+)";
  private static final Pattern TOP = Pattern.compile(
      "\\b(?:top|first|best|leading)\\s+" + NUMWORD + "\\b|\\b(?:list|show)(?: me)? the " + NUMWORD + "\\b|\\bthe " + NUMWORD + " (?:\\w+ ){0,3}with the (?:largest|highest|most|biggest|lowest|smallest|fewest|least)"
          + "|前" + NUMWORD + "(?:名|个|位|大)?|(?:最高|最多|最大|最低|最少|最小)的?" + NUMWORD + "(?:个|名|位|家)");
  private static final Pattern BOTTOM = Pattern.compile("\\b(lowest|least|fewest|smallest|bottom|worst)\\b|最低|最少|最小|倒数");
  private static final Pattern SUPERLATIVE = Pattern.compile("\\b(highest|most|largest|biggest|top|best|lowest|least|fewest|smallest|bottom|worst)\\b|最高|最多|最大|最低|最少|最小|排名|排行");
  private static final Pattern FOLLOW_UP = Pattern.compile("^(and|what about|how about|same for|same but|now|also|then)\\b|^(那|那么|再|还有|换成|改成)|呢[?？]?$");
  private static final Pattern UNKNOWN_BY = Pattern.compile(
      "\\b(?:by|per|for each|broken down by|break down by|split by|grouped by|group by)\\s+([a-z][a-z ]{1,30}?)(?=\\?|,|\\.|!|$| and | in | for | last | this | over | during | since | from | between )"
          + "|按([\\p{IsHan}a-z]{1,8}?)(?=统计|划分|分组|拆分|来看|看|的|分|，|,|$|\\?|？)");
  private static final Pattern SINGULAR = Pattern.compile("\\bwhich (?:\\w+ ){1,3}(?:has|had|is|was|saw|got)\\b|\\bwhat (?:\\w+ ){1,3}(?:has|had|is|was) the (?:highest|most|largest|lowest|fewest|least)\\b|哪个|哪一个|哪家|哪一家|哪位|哪一天|哪个月");
  private static final Set<String> USER_WORDS = Set.of("users", "user", "people", "用户", "人数", "多少人", "用户数");

  private final SemanticModel model;
  private final Lexicon lexicon;
  private final DateGrammar grammar = new DateGrammar();
  private final Suggestions suggestions;

  /**
   * @param openValues warehouse values of dimensions whose values the model does not list (cities, brands)
   * @param embed the gateway's embeddings, for fuzzy dimension names and suggestions (may be null)
   */
  public DeterministicParser(SemanticModel model, Map<String, List<String>> openValues, Function<List<String>, List<float[]>> embed) {
    this.model = model;
    this.lexicon = new Lexicon(model, openValues);
    this.suggestions = new Suggestions(model, embed);
  }

  public SemanticModel model() {
    return model;
  }

  /** Parses one question; never throws for any text. */
  public ParseResult parse(ParseRequest request) {
    String raw = request.question() == null ? "" : request.question();
    String lang = Text.hasCjk(raw) ? "zh" : "en";
    String text = Text.normalize(raw);
    if (text.isBlank()) {
      return ParseResult.clarify(zh(lang) ? "问题是空的。" : "The question is empty.", suggestions.metrics(null), lang);
    }
    if (text.length() > 500) {
      return ParseResult.refused(zh(lang) ? "问题太长（最多 500 个字符）。" : "The question is too long (at most 500 characters).", lang);
    }
    if (SQL.matcher(text).find() || raw.chars().anyMatch(c -> Text.invisible((char) c) && (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069))) {
      return ParseResult.refused(zh(lang)
          ? "问题中包含 SQL 或控制字符。本服务只通过语义模型回答问题，不执行任何输入的语句。"
          : "The question contains SQL or control characters. This service answers only through the semantic model and never runs text it is given.", lang);
    }
    if (WRITE.matcher(text).find()) {
      return ParseResult.refused(zh(lang) ? "本服务只读，不能修改或删除数据。" : "This service is read-only: it cannot change or delete data.", lang);
    }
    if (PII.matcher(text).find()) {
      return ParseResult.refused(zh(lang)
          ? "姓名、电话、车牌、出生日期等个人信息不对外提供；可以按会员号、地区等维度统计。"
          : "Personal data (names, phone numbers, plates, birth dates) is governed and not returned; ask by member number, region or other dimensions instead.", lang);
    }
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(request.asOf());
    } catch (DateTimeParseException | NullPointerException e) {
      return ParseResult.clarify("asOf is not an ISO date: " + request.asOf(), List.of(), lang);
    }
    boolean[] consumed = new boolean[text.length()];
    List<Period> periods = grammar.find(text, asOf);
    for (Period p : periods) {
      for (int k = p.from(); k < p.to(); k++) {
        consumed[k] = true;
      }
    }
    if (periods.stream().anyMatch(p -> p.unit().equals("future"))) {
      return ParseResult.refused(zh(lang)
          ? "数据截至 " + asOf.minusDays(1) + "；未来的时间段和预测不在语义模型范围内。"
          : "The data runs to " + asOf.minusDays(1) + "; future periods and forecasts are outside the semantic model.", lang);
    }
    List<Match> matches = lexicon.match(text, consumed);
    return new Resolution(text, lang, asOf, periods, matches, consumed, request.previous()).resolve();
  }

  private static boolean zh(String lang) {
    return "zh".equals(lang);
  }

  /** Turns matches into a query. */
  private final class Resolution {
    final String text;
    final String lang;
    final LocalDate asOf;
    final List<Period> periods;
    final List<Match> matches;
    final boolean[] consumed;
    final SemanticQuery previous;

    Resolution(String text, String lang, LocalDate asOf, List<Period> periods, List<Match> matches, boolean[] consumed, SemanticQuery previous) {
      this.text = text;
      this.lang = lang;
      this.asOf = asOf;
      this.periods = periods;
      this.matches = matches;
      this.consumed = consumed;
      this.previous = previous;
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
      if (RETENTION.matcher(text).find()) {
        return retention(events);
      }
      if (CONVERSION.matcher(text).find() || (FUNNEL.matcher(text).find() && events.size() == 2)) {
        return conversion(events);
      }
      if (FUNNEL.matcher(text).find()) {
        return ParseResult.clarify(zh(lang) ? "目前支持两个事件之间的转化分析，请指明起始事件和转化事件。"
            : "Funnels are answered as a conversion between two events; name the starting and the converting event.", List.of("conversion"), lang);
      }
      List<String> metrics = metrics(events);
      boolean followUp = previous != null && (metrics.isEmpty() || FOLLOW_UP.matcher(text).find());
      if (metrics.isEmpty() && followUp) {
        metrics = new ArrayList<>(previous.metrics());
      }
      if (metrics.isEmpty()) {
        boolean understoodSomething = !matches.isEmpty() || !periods.isEmpty();
        String reason = zh(lang)
            ? "没有在语义模型中找到要统计的指标。可以问的指标例如：" + String.join("、", suggestions.metrics(text))
            : "I could not find a metric of the semantic model in the question. Metrics you can ask about include: " + String.join(", ", suggestions.metrics(text));
        return understoodSomething ? ParseResult.clarify(reason, suggestions.metrics(text), lang) : ParseResult.refused(reason, lang);
      }
      Set<String> entities = new LinkedHashSet<>();
      metrics.forEach(m -> entities.addAll(model.metricEntities(m)));
      boolean eventMetric = entities.stream().allMatch(e -> model.entities().get(e).userKey() != null);

      // values -> filters; a dimension word right after a value is part of the value phrase
      Map<String, List<String>> filterValues = new LinkedHashMap<>();
      List<int[]> valueSpans = new ArrayList<>();
      String sourceDimension = null;
      boolean installQualifier = eventMetric && events.contains("app_install") && events.size() > 1;
      for (Match m : matches) {
        List<Target> values = m.targets().stream().filter(t -> t.type() == Type.VALUE).toList();
        if (values.isEmpty() || m.targets().stream().anyMatch(t -> t.type() == Type.METRIC || t.type() == Type.EVENT)) {
          continue;
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
          chosen = values.get(0);
        }
        if (model.dimensions().get(chosen.name()).kind() == SemanticModel.Kind.USER_FIRST_EVENT_PROPERTY) {
          sourceDimension = chosen.name();
        }
        List<String> vs = filterValues.computeIfAbsent(chosen.name(), k -> new ArrayList<>());
        for (String v : chosen.values()) {
          if (!vs.contains(v)) {
            vs.add(v);
          }
        }
        valueSpans.add(new int[] {m.from(), m.to()});
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
        if (afterValue(m, valueSpans)) {
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
          chosen = model.dimensions().get(ds.get(0).name());
          if (chosen.kind().isTime()) {
            continue;
          }
        }
        if (chosen.kind().isTime()) {
          if (entities.contains(chosen.entity())) {
            timeDimension = chosen.name();
          }
          continue;
        }
        if (chosen.kind() == SemanticModel.Kind.BOOLEAN && !byBefore(m)) {
          boolean negated = negatedBefore(m);
          filterValues.put(chosen.name(), new ArrayList<>(List.of(negated ? "false" : "true")));
          continue;
        }
        if (!dims.contains(chosen.name())) {
          dims.add(chosen.name());
        }
      }
      if (addEntityLevelDimensions(dims, entities) && metrics.size() == 1) {
        // a listing of individual members shows how many rows each total is made of
        String count = countMetricOf(metrics.get(0));
        if (count != null && !metrics.contains(count)) {
          metrics = new ArrayList<>(metrics);
          metrics.add(count);
        }
      }
      String unknown = unknownBreakdown();
      if (unknown != null) {
        Dimension fuzzy = suggestions.dimension(unknown, entities);
        if (fuzzy != null && !dims.contains(fuzzy.name())) {
          dims.add(fuzzy.name());
        } else if (fuzzy == null) {
          List<String> known = model.dimensions().values().stream()
              .filter(d -> !d.kind().isTime() && compatible(entities, d)).map(Dimension::name).toList();
          return ParseResult.clarify(zh(lang)
              ? "语义模型中没有“" + unknown + "”这个维度。可以按这些维度拆分：" + String.join("、", known)
              : "The semantic model has no dimension \"" + unknown + "\" for these metrics. You can break them down by: " + String.join(", ", known), known, lang);
        }
      }

      List<Filter> filters = new ArrayList<>();
      filterValues.forEach((dim, vs) -> filters.add(new Filter(dim, "in", vs)));
      if (eventMetric && !events.isEmpty() && !metrics.contains("installs")) {
        filters.add(new Filter("event.event_name", "in", events));
      }

      // time, comparison, grain
      String grain = DateGrammar.grain(text);
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
        } else {
          LocalDate s = usable.stream().map(Period::start).min(Comparator.naturalOrder()).orElseThrow();
          LocalDate e = usable.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow();
          String g = grain != null ? grain : COMPARE_WORDS.matcher(text).find() || text.contains("和") || text.contains(" and ") ? grainOf(a.unit()) : null;
          time = timeSpec(timeDimension, s, e, g, a.expr() + ".." + b.expr());
        }
      } else if (usable.size() == 1) {
        Period p = usable.get(0);
        time = timeSpec(timeDimension, p.start(), p.end(), grain, p.expr());
      } else if (grain != null) {
        time = timeSpec(timeDimension, null, null, grain, null);
      } else if (timeDimension != null) {
        time = null;
      }
      if (compare == null && YOY.matcher(text).find()) {
        compare = new Compare("year", 1);
      } else if (compare == null && POP.matcher(text).find() && time != null && time.start() != null) {
        String unit = grain != null ? grain : usable.isEmpty() ? "month" : switch (usable.get(0).unit()) {
          case "week" -> "week";
          case "quarter" -> "quarter";
          case "year" -> "year";
          default -> "month";
        };
        compare = new Compare(unit, 1);
      }

      // shares
      Share share = null;
      boolean ratioAlready = metrics.stream().allMatch(m -> model.metrics().get(m).isRatio());
      if (SHARE.matcher(text).find() && !ratioAlready) {
        if (!filters.isEmpty() && dims.isEmpty() && !filters.get(filters.size() - 1).field().equals("event.event_name")) {
          Filter part = filters.remove(filters.size() - 1);
          share = new Share("of_part", part);
        } else if (!dims.isEmpty()) {
          share = new Share("of_total", null);
        }
      }

      // order and limit
      Integer limit = null;
      Matcher top = TOP.matcher(text);
      if (top.find()) {
        for (int g = 1; g <= top.groupCount(); g++) {
          if (top.group(g) != null) {
            limit = number(top.group(g));
            break;
          }
        }
        if (limit != null && limit <= 0) {
          limit = null;
        }
      }
      List<OrderBy> order = new ArrayList<>();
      boolean superlative = SUPERLATIVE.matcher(text).find();
      if ((limit != null || superlative) && (!dims.isEmpty() || grain == null)) {
        String dir = BOTTOM.matcher(text).find() ? "asc" : "desc";
        order.add(new OrderBy(share != null && "of_part".equals(share.type()) ? metrics.get(0) + "_share" : metrics.get(0), dir));
      } else if (!dims.isEmpty() && grain == null && compare == null) {
        order.add(new OrderBy(metrics.get(0), "desc"));
      }
      if (limit == null && superlative && !dims.isEmpty() && SINGULAR.matcher(text).find()) {
        limit = 1;
      }
      if (limit != null && dims.isEmpty() && grain == null) {
        limit = null;
      }

      SemanticQuery q = new SemanticQuery("metrics", metrics, dims, filters, time, order, limit, compare, share, null, null);
      if (followUp) {
        q = merge(previous, q, !periods.isEmpty(), grain != null);
      }
      return ParseResult.answered(q, lang);
    }

    private TimeSpec timeSpec(String dimension, LocalDate s, LocalDate e, String grain, String expr) {
      return new TimeSpec(dimension, s == null ? null : s.toString(), e == null ? null : e.toString(), grain, expr);
    }

    private String grainOf(String unit) {
      return switch (unit) {
        case "month", "quarter", "year", "half_year", "week", "day" -> unit;
        default -> null;
      };
    }

    /** Metrics named in the question: specific ones first; generic words only when nothing else is named. */
    private List<String> metrics(List<String> events) {
      List<String> strong = new ArrayList<>();
      List<String> weak = new ArrayList<>();
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
            List<String> into = t.weak() ? weak : strong;
            if (!into.contains(t.name())) {
              into.add(t.name());
            }
            break;
          }
        }
      }
      if (!events.isEmpty()) {
        // an app event question counts events or distinct users of them
        List<String> eventMetrics = new ArrayList<>();
        for (String m : strong) {
          if (model.metricEntities(m).stream().allMatch(e -> model.entities().get(e).userKey() != null)) {
            eventMetrics.add(m);
          }
        }
        if (!eventMetrics.isEmpty()) {
          return eventMetrics;
        }
        if (strong.isEmpty()) {
          return new ArrayList<>(List.of(userWords || weak.contains("unique_users") ? "unique_users" : "event_count"));
        }
      }
      return strong.isEmpty() ? weak.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(weak.get(0))) : strong;
    }

    private boolean compatible(Set<String> entities, Dimension d) {
      return entities.stream().allMatch(e -> model.compatible(e, d));
    }

    private boolean byBefore(Match m) {
      String before = text.substring(Math.max(0, m.from() - 12), m.from());
      return before.matches(".*\\b(by|per|each|split by|grouped by)\\s+$") || before.endsWith("按") || before.endsWith("各");
    }

    private boolean negatedBefore(Match m) {
      String before = text.substring(Math.max(0, m.from() - 10), m.from());
      return before.matches(".*\\b(not|un|never|non)\\s*-?$") || before.endsWith("未") || before.endsWith("没有") || before.endsWith("没");
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

    /** "top 10 members", "which members", 前十名会员: list at the entity's own level (member number). */
    private String countMetricOf(String metric) {
      Metric m = model.metrics().get(metric);
      if (m == null || m.measure() == null || !"sum".equals(m.measure().agg())) {
        return null;
      }
      return model.metrics().values().stream()
          .filter(c -> "simple".equals(c.type()) && !c.hidden() && m.entity().equals(c.entity()) && c.measure() != null
              && "count".equals(c.measure().agg()) && c.measure().filter().isEmpty() && c.timeColumn() == null)
          .map(Metric::name).findFirst().orElse(null);
    }

    private boolean addEntityLevelDimensions(List<String> dims, Set<String> entities) {
      for (Dimension d : model.dimensions().values()) {
        if (!d.entityLevel() || !compatible(entities, d)) {
          continue;
        }
        for (String syn : model.entities().get(d.entity()).synonyms()) {
          String s = Text.normalize(syn);
          String re = Text.hasCjk(s)
              ? "(前" + NUMWORD + "(名|位|个)?|哪些|哪几位|哪个)的?" + Pattern.quote(s)
              : "\\b(top|list(?: the)?|which|the)\\s+(" + NUMWORD + "\\s+)?" + Pattern.quote(s) + "s?\\b";
          if (Pattern.compile(re).matcher(text).find() && !dims.contains(d.name())) {
            dims.add(d.name());
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
        if (phrase.isEmpty() || DateGrammar.grain(m.group()) != null || phrase.matches("(day|week|month|quarter|year|天|周|月|季度|年)s?")) {
          continue;
        }
        if (Lexicon.free(consumed, m.start(g), m.start(g) + m.group(g).length())) {
          return phrase;
        }
      }
      return null;
    }

    private ParseResult retention(List<String> events) {
      String target = events.isEmpty() ? "app_install" : events.get(0);
      String returning = events.size() > 1 ? events.get(1) : "app_open";
      int day = 7;
      Matcher m = Pattern.compile("(?:day[- ]?|d)([0-9]+)\\b|\\b([0-9]+)[- ]?day|([0-9]+|[一二两三四五六七八九十]+)日|第([0-9]+|[一二两三四五六七八九十]+)天|([0-9]+|[一二两三四五六七八九十]+)天").matcher(text);
      if (text.contains("次日")) {
        day = 1;
      } else if (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.group(g) != null) {
            day = number(m.group(g));
            break;
          }
        }
      }
      List<Period> usable = periods.stream().filter(p -> !p.unit().equals("future")).toList();
      if (usable.isEmpty()) {
        return ParseResult.clarify(zh(lang) ? "请说明要看哪一段时间内的新用户留存，例如“上个月安装的用户”。"
            : "Which cohort? Say when the users started, e.g. \"users who installed last month\".", List.of(), lang);
      }
      Period p = usable.get(0);
      boolean byDay = "day".equals(DateGrammar.grain(text)) || text.contains("cohort") || p.start().plusDays(14).isAfter(p.end());
      SemanticQuery q = new SemanticQuery("retention", List.of(), List.of(), List.of(),
          timeSpec(null, p.start(), p.end(), byDay ? "day" : null, p.expr()), List.of(), null, null, null,
          new Retention(target, returning, day, byDay ? "day" : null), null);
      return ParseResult.answered(q, lang);
    }

    private ParseResult conversion(List<String> events) {
      List<Match> eventMatches = matches.stream().filter(m -> m.targets().stream().anyMatch(t -> t.type() == Type.EVENT)).toList();
      List<String> ordered = new ArrayList<>();
      for (Match m : eventMatches) {
        String e = m.targets().stream().filter(t -> t.type() == Type.EVENT).findFirst().orElseThrow().name();
        if (!ordered.contains(e)) {
          ordered.add(e);
        }
      }
      if (ordered.size() < 2) {
        return ParseResult.clarify(zh(lang) ? "转化分析需要两个事件，例如“安装到注册的转化率”。"
            : "A conversion needs two events, e.g. \"install-to-signup conversion\".", new ArrayList<>(model.events().keySet()), lang);
      }
      int window = 7;
      Matcher w = Pattern.compile("within\\s+([0-9]+|[a-z]+)\\s+days?|([0-9]+|[一二两三四五六七八九十]+)(?:天|日)内").matcher(text);
      if (w.find()) {
        int n = number(w.group(1) != null ? w.group(1) : w.group(2));
        if (n > 0) {
          window = n;
        }
      }
      List<Period> usable = periods.stream().filter(p -> !p.unit().equals("future")).toList();
      if (usable.isEmpty()) {
        return ParseResult.clarify(zh(lang) ? "请说明起始事件发生的时间段。" : "For which period of the first event?", List.of(), lang);
      }
      Period p = usable.get(0);
      List<String> dims = new ArrayList<>();
      for (Match m : matches) {
        for (Target t : m.targets()) {
          if (t.type() == Type.DIMENSION) {
            Dimension d = model.dimensions().get(t.name());
            if (!d.kind().isTime() && model.compatible(model.eventEntity().name(), d) && !dims.contains(d.name())) {
              dims.add(d.name());
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

  /** A follow-up refines the previous query: new breakdowns are added, new filters and periods replace old ones. */
  static SemanticQuery merge(SemanticQuery prev, SemanticQuery next, boolean newPeriod, boolean newGrain) {
    if (!"metrics".equals(prev.kind())) {
      return next;
    }
    List<String> dims = new ArrayList<>(prev.dimensions());
    next.dimensions().forEach(d -> {
      if (!dims.contains(d)) {
        dims.add(d);
      }
    });
    Map<String, Filter> filters = new LinkedHashMap<>();
    prev.filters().forEach(f -> filters.put(f.field(), f));
    next.filters().forEach(f -> filters.put(f.field(), f));
    TimeSpec time = prev.time();
    if (newPeriod) {
      time = next.time();
    } else if (newGrain && next.time() != null) {
      time = new TimeSpec(prev.time() == null ? null : prev.time().dimension(), prev.time() == null ? null : prev.time().start(),
          prev.time() == null ? null : prev.time().end(), next.time().grain(), prev.time() == null ? null : prev.time().expr());
    }
    List<OrderBy> order = next.orderBy().isEmpty() ? prev.orderBy() : next.orderBy();
    return new SemanticQuery("metrics", next.metrics(), dims, new ArrayList<>(filters.values()), time, order,
        next.limit() != null ? next.limit() : prev.limit(), next.compare() != null ? next.compare() : prev.compare(),
        next.share() != null ? next.share() : prev.share(), null, null);
  }

  static int number(String s) {
    return switch (s) {
      case "one" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      case "seven" -> 7;
      case "eight" -> 8;
      case "nine" -> 9;
      case "ten" -> 10;
      case "twenty" -> 20;
      default -> Text.number(s);
    };
  }

  /** The key saved corrections are found by: the normalized question without end punctuation. */
  public static String questionKey(String question) {
    String n = Text.normalize(question == null ? "" : question).replaceAll("[\\s?？。.!！]+$", "");
    return n.length() > 600 ? n.substring(0, 600) : n;
  }

  /** Lists metric names a question is closest to. */
  public List<String> suggest(String question) {
    return suggestions.metrics(Text.normalize(question));
  }

  /** The label of a metric in a language: its first synonym in that language, else its name. */
  public static String label(Metric m, String lang) {
    for (String s : m.synonyms()) {
      if (Text.hasCjk(s) == "zh".equals(lang)) {
        return s;
      }
    }
    return m.name().replace('_', ' ');
  }
}
