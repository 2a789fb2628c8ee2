package com.carmutual.text2data.parse;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.parse.DateGrammar.Period;
import com.carmutual.text2data.parse.Lexicon.Match;
import com.carmutual.text2data.parse.Lexicon.Target;
import com.carmutual.text2data.parse.Lexicon.Type;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Retention;
import com.carmutual.text2data.query.SemanticQuery.TimeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retention on day N of a cohort (PostHog-style calendar days): the users whose first cohort event
 * falls in a period, and how many of them did the returning event exactly N days later. A question
 * gives the cohort event (signed up, installs, 注册, 首次打开), the period (any period of the date
 * grammar), the day or days (day 7, D1/D7, 7 days later, a week later, next-day, 第7天, 7日留存, 次日),
 * and the return: an event marked as done again (opened it again, 再次打开) or a word for coming
 * back (came back, were active again, 回访, 留存), which means the model's declared returning event.
 * Events are found only through the model's event synonyms. Whatever the question leaves open (the
 * day, the returning event when the model declares none, a cohort grouping the compiler cannot do,
 * a window instead of a day) is asked back, never guessed.
 */
final class CohortRetention {
  /** Number words a day is written with, and ordinal words of "the Nth day" ("second" is asked back: day 1 or 2?). */
  private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
      Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
      Map.entry("fourteenth", 14), Map.entry("thirtieth", 30));
  private static final String NUM = "[0-9]{1,3}|" + String.join("|", Text.NUMBER_WORDS.keySet());
  private static final String ZNUM = "[0-9]{1,3}|[一二两三四五六七八九十百]+";

  /** Words that ask for retention as such. */
  static final Pattern RETENTION_WORD = Pattern.compile(
      "\\b(?:retention(?: rates?| curves?)?|retained|retain|retaining|return(?:ing)? rates?|returning users)\\b|留存率|留存|回访率|回访");
  /** Coming back without naming what was done: the model's declared returning event. */
  static final Pattern COME_BACK = Pattern.compile(
      "\\b(?:came|come|comes|coming) back(?: (?:to|into) (?:the |our )?app)?\\b|\\b(?:returned|returns|returning|return)(?: (?:to|into) (?:the |our )?app)?\\b"
          + "|\\b(?:(?:was|were|is|are|be|been|became|become) )?(?:active|engaged) again\\b|\\bused (?:it|the app|our app) again\\b|\\bvisited (?:it |the app )?again\\b"
          + "|回到app|回来了?|回流|再次活跃|又活跃了?|重新活跃|再次使用app|再次使用|又使用了?app|又用了?app");
  /** An event done once more: marks the returning event. */
  private static final Pattern AGAIN = Pattern.compile("\\bagain\\b|\\bonce more\\b|再次|重新|又|再(?=打开|启动|使用|访问|查看|登录|回)");
  /** A day counted from the cohort event ("later", 后): with two events or "again", a retention question even without the word. */
  private static final Pattern LATER = Pattern.compile(
      "\\b(?:later|afterwards?)\\b|\\b(?:" + NUM + "|a)[- ]?(?:days?|weeks?) after\\b|\\bon (?:the )?day[- ]?(?:" + NUM + ")\\b|\\b(?:next|following)[- ]day\\b|(?:天|日|周|星期)(?:之|以)?后|第(?:" + ZNUM + ")[天日]|次日|隔天|隔日");
  /** A window ("within 7 days", 7天内) asks whether users came back at any time in it: not day-N retention. */
  private static final Pattern WINDOW = Pattern.compile(
      "\\b(?:within|inside|in|over|during|across)(?: the)?(?: first| next)? (?:" + NUM + ")[- ]?days?\\b|\\b(?:" + NUM + ")[- ]?days? window\\b|(?:" + ZNUM + ")(?:天|日)(?:内|之内|以内)");
  private static final Pattern SHARE_WORDS = Pattern.compile(
      "\\b(?:share|percentage|percent|pct|proportion|fraction|ratio|rates?|how many|what %|% of)\\b|%|比例|占比|百分比|百分之几|百分之多少|比率|比重|多少人|有多少|人数");
  /** First-time words: the cohort is defined by each user's first cohort event. */
  private static final Pattern FIRST = Pattern.compile("\\b(?:first(?: time)?|new|newly)\\b|首次|第一次|新增|新(?=用户|安装|注册)");
  private static final Pattern COHORT_WORD = Pattern.compile("\\bcohorts?\\b|同期群|批次");
  private static final Pattern LINK_WORDS = Pattern.compile("\\b(?:after|since|later|afterwards?|back|users?|people|and)\\b|(?:之|以)?后|之后|用户数?|多少人|人数");
  /** Cohorts per day of the cohort event. */
  private static final Pattern BY_DAY = Pattern.compile(
      "\\b(?:by|per|for each|each|for every|every) (?:cohort(?: day| date)?|day|date|(?:install(?:ation)?|sign[- ]?up|registration|first[- ]open) (?:day|date)|day of (?:install(?:ation)?|sign[- ]?up|registration))\\b"
          + "|\\b(?:daily|day-by-day|day by day) cohorts?\\b|\\bcohort days?\\b|\\bdaily\\b|\\beach day\\b|\\bevery day\\b"
          + "|按(?:天|日|日期|安装日期?|注册日期?|同期群)|每天|每日|逐日|分天|每个?(?:安装|注册)日");
  /** Cohorts per week or month: the compiler groups cohorts by day only, so these fit only a period of that one unit. */
  private static final Pattern BY_WEEK = Pattern.compile("\\b(?:weekly|by week|per week|each week|every week)(?: cohorts?)?\\b|按周|每周|周度");
  private static final Pattern BY_MONTH = Pattern.compile("\\b(?:monthly|by month|per month|each month|every month)(?: cohorts?)?\\b|按月|每个?月|月度");
  private static final Pattern COHORT_BEFORE = Pattern.compile("(?:\\b(?:who|that|whose first|after|since)|首次|第一次)\\s*(?:(?:first|had|have|has|did|just|recently|newly|all)\\s+)*$");
  private static final Pattern COHORT_AFTER = Pattern.compile("^(?:了)?(?:app)?(?:的(?:新)?(?:用户|人)|(?:之|以)?后|用户)");
  private static final Pattern RETURN_BEFORE = Pattern.compile("(?:\\b(?:again|back(?: and| to)?|returned(?: and| to)?|return(?: and| to)?)|再次|又|重新|再|回来|回到app)\\s*$");
  private static final Pattern RETURN_AFTER = Pattern.compile("^\\s*(?:it |the app )?(?:again|once more)\\b");

  private final SemanticModel model;
  private final String text;
  private final String lang;
  private final List<Match> matches;
  private final List<Period> periods;
  private final boolean[] taken;
  private final boolean[] explained;

  CohortRetention(SemanticModel model, String text, String lang, List<Match> matches, List<Period> periods, boolean[] consumed, boolean[] explained) {
    this.model = model;
    this.text = text;
    this.lang = lang;
    this.matches = matches;
    this.periods = periods;
    this.taken = consumed.clone();
    periods.forEach(p -> Accounting.mark(taken, p.from(), p.to()));
    this.explained = explained;
  }

  /**
   * Whether a question asks for retention: a retention word or a word for coming back; or, outside
   * a conversion or funnel, an event done again or a second event on a day counted from the first
   * ("opened it again 7 days later", 注册后第7天又打开).
   */
  static boolean asks(String text, List<Match> matches) {
    if (RETENTION_WORD.matcher(text).find() || COME_BACK.matcher(text).find()) {
      return true;
    }
    if (Constructions.CONVERSION.matcher(text).find() || Constructions.FUNNEL.matcher(text).find()) {
      return false;
    }
    long events = matches.stream().filter(m -> event(m) != null).count();
    return LATER.matcher(text).find() && (events >= 2 || events >= 1 && AGAIN.matcher(text).find());
  }

  private boolean zh() {
    return "zh".equals(lang);
  }

  ParseResult resolve() {
    mark(RETENTION_WORD);
    mark(COME_BACK);
    mark(AGAIN);
    mark(SHARE_WORDS);
    mark(FIRST);
    mark(COHORT_WORD);
    List<int[]> grainSpans = new ArrayList<>();
    String grain = grain(grainSpans);
    if (WINDOW.matcher(text).find()) {
      return ParseResult.clarify(zh()
          ? "“几天内回访”是窗口内任意一天回来，而留存按第 N 天计算。请说明要看第几天的留存（例如第 7 天），或改问转化（例如 7 天内的转化率）。"
          : "\"Within N days\" counts a return on any day of a window, while retention counts day N exactly. Say which day (e.g. day 7 retention), "
              + "or ask for a conversion within the window instead.", List.of(), lang);
    }
    List<Match> events = new ArrayList<>();
    for (Match m : matches) {
      if (event(m) != null && grainSpans.stream().noneMatch(s -> m.from() < s[1] && m.to() > s[0])) {
        events.add(m);
      }
      if (m.targets().stream().anyMatch(t -> t.type() == Type.ENTITY && "event".equals(t.name()))) {
        Accounting.mark(explained, m.from(), m.to());
      }
    }
    String[] roles = new String[2];
    ParseResult unclear = roles(events, roles);
    if (unclear != null) {
      return unclear;
    }
    events.forEach(m -> Accounting.mark(explained, m.from(), m.to()));
    mark(LINK_WORDS);
    List<Integer> days = new ArrayList<>();
    ParseResult dayProblem = days(days);
    if (dayProblem != null) {
      return dayProblem;
    }
    List<Period> usable = periods.stream().filter(p -> !p.unit().equals("future")).toList();
    if (usable.isEmpty()) {
      return ParseResult.clarify(zh() ? "请说明要看哪一段时间内的新用户留存，例如“上个月安装的用户”。"
          : "Which cohort? Say when the users started, e.g. \"users whose first install was in April\".", List.of(), lang);
    }
    if (usable.size() > 1) {
      return ParseResult.clarify(zh() ? "问题里有多个时间段，请说明同期群是哪一段时间内首次发生的用户。"
          : "The question names more than one period; say which one the cohort's first event falls in.", List.of(), lang);
    }
    Period p = usable.get(0);
    boolean byDay;
    if ("week".equals(grain) || "month".equals(grain)) {
      if (!p.unit().equals(grain)) {
        return ParseResult.clarify(zh() ? "同期群只能按天分组或合为一组；请说明是按安装（注册）日期逐日看，还是整段时间合计。"
            : "Cohorts can be split by day or taken together, not by " + grain + "; say which you want.", List.of("by cohort day", "all together"), lang);
      }
      byDay = false; // the period is that one week or month: a single cohort
    } else {
      byDay = "day".equals(grain) || (grain == null && days.size() == 1 && p.start().plusDays(14).isAfter(p.end()));
    }
    if (byDay && days.size() > 1) {
      return ParseResult.clarify(zh() ? "同时看多个天数的留存时按天数列出，不能再按同期群日期拆分；请选择一种。"
          : "Several days at once are listed per day N, not per cohort day as well; ask for one day per cohort day, or the days for the whole cohort.",
          List.of(), lang);
    }
    SemanticQuery q = new SemanticQuery("retention", List.of(), List.of(), List.of(),
        new TimeSpec(null, p.start().toString(), p.end().toString(), byDay ? "day" : null, p.expr()), List.of(), null, null, null,
        new Retention(roles[0], roles[1], days.get(0), byDay ? "day" : null, days.size() > 1 ? List.copyOf(days) : null), null);
    return ParseResult.answered(q, lang);
  }

  /** The cohort grain asked for (day, week, month or null), marking its words and their spans. */
  private String grain(List<int[]> spans) {
    String grain = null;
    for (var e : List.of(Map.entry("day", BY_DAY), Map.entry("week", BY_WEEK), Map.entry("month", BY_MONTH))) {
      Matcher m = e.getValue().matcher(text);
      while (m.find()) {
        if (!Lexicon.free(takenByPeriods(), m.start(), m.end())) {
          continue;
        }
        spans.add(new int[] {m.start(), m.end()});
        Accounting.mark(explained, m.start(), m.end());
        grain = grain == null ? e.getKey() : grain;
      }
    }
    return grain;
  }

  private boolean[] takenByPeriods() {
    boolean[] t = new boolean[text.length()];
    periods.forEach(p -> Accounting.mark(t, p.from(), p.to()));
    return t;
  }

  /** Sets roles[0] (cohort event) and roles[1] (returning event), or says what is missing. */
  private ParseResult roles(List<Match> events, String[] roles) {
    List<String> names = events.stream().map(CohortRetention::event).distinct().toList();
    String defaultCohort = model.defaultCohortEvent().orElse(null);
    String defaultReturn = model.defaultReturningEvent().orElse(null);
    if (names.size() > 2) {
      return ParseResult.clarify(zh() ? "问题里有多个事件（" + String.join("、", names) + "），请说明哪个定义同期群、哪个算作回访。"
          : "The question names several events (" + String.join(", ", names) + "); say which one starts the cohort and which one counts as coming back.",
          names, lang);
    }
    if (names.size() == 2) {
      Match a = events.stream().filter(m -> event(m).equals(names.get(0))).findFirst().orElseThrow();
      Match b = events.stream().filter(m -> event(m).equals(names.get(1))).findFirst().orElseThrow();
      boolean swap = !cohortMarked(a) && !returnMarked(b) && (cohortMarked(b) || returnMarked(a));
      roles[0] = swap ? names.get(1) : names.get(0);
      roles[1] = swap ? names.get(0) : names.get(1);
      return null;
    }
    if (names.size() == 1) {
      boolean twice = events.size() > 1;
      Match only = events.get(0);
      if (twice) {
        roles[0] = names.get(0);
        roles[1] = names.get(0);
        return null;
      }
      if (returnMarked(only) && !cohortMarked(only)) {
        roles[1] = names.get(0);
        roles[0] = FIRST.matcher(text).find() ? defaultCohort : null;
      } else {
        roles[0] = names.get(0);
        roles[1] = defaultReturn;
      }
    } else {
      roles[0] = defaultCohort;
      roles[1] = defaultReturn;
    }
    if (roles[0] == null) {
      return ParseResult.clarify(zh() ? "请说明同期群由哪个事件定义（例如首次安装、注册）。"
          : "Which event starts the cohort (e.g. first install, sign-up)?", new ArrayList<>(model.events().keySet()), lang);
    }
    if (roles[1] == null) {
      return ParseResult.clarify(zh() ? "语义模型没有规定“回访”指哪个事件，请说明回来做了什么（例如打开App、查看报价）。"
          : "The semantic model does not say which event counts as coming back; say what the users came back to do (e.g. open the app, view a quote).",
          new ArrayList<>(model.events().keySet()), lang);
    }
    return null;
  }

  private boolean cohortMarked(Match m) {
    String before = text.substring(Math.max(0, m.from() - 24), m.from());
    return COHORT_BEFORE.matcher(before).find() || COHORT_AFTER.matcher(text.substring(m.to())).find();
  }

  private boolean returnMarked(Match m) {
    String before = text.substring(Math.max(0, m.from() - 24), m.from());
    return RETURN_BEFORE.matcher(before).find() || RETURN_AFTER.matcher(text.substring(m.to())).find();
  }

  private static final Pattern DAY_PREFIXED = Pattern.compile("(?<![a-z0-9])(?:days?[- ]?(" + NUM + ")|d([0-9]{1,3}))(?![0-9a-z])");
  private static final Pattern DAY_LIST_TAIL = Pattern.compile("^\\s*(?:,|and|&|or|/|、|和|及|与)\\s*(?:and\\s+)?(?:days?[- ]?|d)?(" + NUM + ")(?![0-9a-z])");
  private static final Pattern N_DAY = Pattern.compile("(?<![a-z0-9])(" + NUM + ")[- ]?days?(?![a-z])");
  private static final Pattern ORDINAL_DAY = Pattern.compile("(?<![a-z0-9])(?:the )?(?:([0-9]{1,3})(?:st|nd|rd|th)|(" + String.join("|", ORDINALS.keySet()) + ")) day\\b");
  private static final Pattern WEEKS_LATER = Pattern.compile("(?<![a-z0-9])(a|" + NUM + ") weeks? (?:later|after)\\b|(" + ZNUM + ")(?:个)?(?:周|星期)(?:之|以)?后");
  private static final Pattern NEXT_DAY = Pattern.compile("\\b(?:the )?(?:next|following)[- ]day\\b|\\bthe day after\\b|次日|隔天|隔日|翌日");
  private static final Pattern ZH_ORDINAL = Pattern.compile("第(" + ZNUM + ")((?:\\s*[、,，和及与]\\s*第?(?:" + ZNUM + "))*)\\s*[天日]");
  private static final Pattern ZH_N_DAY = Pattern.compile("(?<![月0-9一二两三四五六七八九十百第])(" + ZNUM + ")(?:天|日)(?!期|均|活|内|之内|以内)");

  /** Collects the days asked for in the order written, marking their words; says what is unclear. */
  private ParseResult days(List<Integer> days) {
    boolean secondDay = false;
    Matcher m = NEXT_DAY.matcher(text);
    while (m.find()) {
      add(days, 1, m);
    }
    m = DAY_PREFIXED.matcher(text);
    while (m.find()) {
      if (!free(m)) {
        continue;
      }
      add(days, number(m.group(1) != null ? m.group(1) : m.group(2)), m);
      int at = m.end();
      Matcher tail = DAY_LIST_TAIL.matcher(text.substring(at));
      while (tail.find() && Lexicon.free(taken, at, at + tail.end())) {
        days.add(number(tail.group(1)));
        Accounting.mark(explained, at, at + tail.end());
        at += tail.end();
        tail = DAY_LIST_TAIL.matcher(text.substring(at));
      }
    }
    m = ORDINAL_DAY.matcher(text);
    while (m.find()) {
      if (!free(m)) {
        continue;
      }
      int d = m.group(1) != null ? number(m.group(1)) : ORDINALS.get(m.group(2));
      secondDay |= d == 2;
      add(days, d, m);
    }
    m = WEEKS_LATER.matcher(text);
    while (m.find()) {
      if (free(m)) {
        String w = m.group(1) != null ? m.group(1) : m.group(2);
        add(days, 7 * (w.equals("a") ? 1 : number(w)), m);
      }
    }
    m = N_DAY.matcher(text);
    while (m.find()) {
      if (free(m)) {
        add(days, number(m.group(1)), m);
      }
    }
    m = ZH_ORDINAL.matcher(text);
    while (m.find()) {
      if (!free(m)) {
        continue;
      }
      int d = number(m.group(1));
      secondDay |= d == 2 && m.group(2).isBlank();
      add(days, d, m);
      for (String more : m.group(2).split("[、,，和及与第\\s]+")) {
        if (!more.isBlank()) {
          days.add(number(more));
        }
      }
    }
    m = ZH_N_DAY.matcher(text);
    while (m.find()) {
      if (free(m)) {
        add(days, number(m.group(1)), m);
      }
    }
    List<Integer> distinct = days.stream().distinct().toList();
    days.clear();
    days.addAll(distinct);
    if (days.isEmpty()) {
      return ParseResult.clarify(zh() ? "请说明要看第几天的留存，例如次日、第 7 天或第 30 天。"
          : "Which day after the cohort event? For example day 1, day 7 or day 30 retention.", List.of("day 1", "day 7", "day 30"), lang);
    }
    if (secondDay && days.size() == 1) {
      return ParseResult.clarify(zh() ? "“第二天”可以指次日（第 1 天）也可以指第 2 天，请说明。"
          : "\"The second day\" can mean the next day (day 1) or day 2; please say which.", List.of("day 1", "day 2"), lang);
    }
    if (days.stream().anyMatch(d -> d < 1 || d > 365)) {
      return ParseResult.clarify(zh() ? "留存天数需在 1 到 365 之间（第 0 天是首次发生当天）。"
          : "Retention days run from 1 to 365 (day 0 is the day of the cohort event itself).", List.of(), lang);
    }
    if (days.size() > 12) {
      return ParseResult.clarify(zh() ? "一次最多看 12 个天数的留存。" : "At most 12 days can be asked at once.", List.of(), lang);
    }
    return null;
  }

  private boolean free(Matcher m) {
    return Lexicon.free(taken, m.start(), m.end());
  }

  private void add(List<Integer> days, int d, Matcher m) {
    days.add(d);
    Accounting.mark(explained, m.start(), m.end());
  }

  private static int number(String s) {
    return Text.cardinal(s);
  }

  private void mark(Pattern p) {
    Accounting.mark(explained, p, text);
  }

  private static String event(Match m) {
    return m.targets().stream().filter(t -> t.type() == Type.EVENT).map(Target::name).findFirst().orElse(null);
  }
}
