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
    text = rewrite(text);
    boolean[] consumed = new boolean[text.length()];
    boolean[] explained = new boolean[text.length()];
    boolean yearToDateBasis = false;
    if (Constructions.CUMULATIVE.matcher(text).find()) {
      // "running total, YTD basis (from 1 January)": how the total runs, not a period of its own
      Matcher ytd = Constructions.YEAR_TO_DATE_BASIS.matcher(text);
      while (ytd.find()) {
        Accounting.mark(consumed, ytd.start(), ytd.end());
        Accounting.mark(explained, ytd.start(), ytd.end());
        yearToDateBasis = true;
      }
    }
    List<Period> periods = grammar.find(text, asOf).stream().filter(p -> Lexicon.free(consumed, p.from(), p.to())).toList();
    for (Period p : periods) {
      Accounting.mark(consumed, p.from(), p.to());
      Accounting.mark(explained, p.from(), p.to());
    }
    if (periods.stream().anyMatch(p -> p.unit().equals("future"))) {
      return ParseResult.refused(zh(lang)
          ? "数据截至 " + asOf.minusDays(1) + "；未来的时间段和预测不在语义模型范围内。"
          : "The data runs to " + asOf.minusDays(1) + "; future periods and forecasts are outside the semantic model.", lang);
    }
    List<Match> matches = lexicon.match(text, consumed);
    return new Resolution(model, suggestions, text, lang, asOf, periods, matches, consumed, explained, request.previous(), yearToDateBasis).resolve();
  }

  private static final Pattern ATTRIBUTE_OF = Pattern.compile(
      "\\b([a-z]+) of (?:the |their |its |a |an )?(?:related |associated |linked |underlying |corresponding |respective )?([a-z]+?)(?:s)?\\b");
  private static final Pattern IN_FORCE = Pattern.compile("\\b([a-z]+) (?:in force|in effect)\\b|\\bin[- ]force ([a-z]+)\\b");

  /**
   * Rewrites general paraphrases into the lexicon's word order: abbreviations (avg, amt, no.),
   * "the brand of the associated vehicle" to "vehicle brand" and "plans in effect" to "active plans"
   * (only when the result is a phrase the model knows).
   */
  String rewrite(String text) {
    String t = text.replaceAll("\\bavg\\.?(?=\\s|$)", "average").replaceAll("\\bamt\\b", "amount").replaceAll("\\bno\\. of\\b", "number of")
        .replaceAll("\\b# of\\b", "number of").replace("在保的", "有效").replace("在保", "有效").replace("有效的", "有效");
    Matcher m = ATTRIBUTE_OF.matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String swapped = m.group(2) + " " + m.group(1);
      m.appendReplacement(sb, Matcher.quoteReplacement(lexicon.entries().containsKey(swapped) ? swapped : m.group()));
    }
    m.appendTail(sb);
    Matcher f = IN_FORCE.matcher(sb.toString());
    StringBuilder out = new StringBuilder();
    while (f.find()) {
      String noun = f.group(1) != null ? f.group(1) : f.group(2);
      String active = "active " + noun;
      f.appendReplacement(out, Matcher.quoteReplacement(lexicon.entries().containsKey(active) ? active : f.group()));
    }
    f.appendTail(out);
    return out.toString();
  }

  private static boolean zh(String lang) {
    return "zh".equals(lang);
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
    return Text.cardinal(s);
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
