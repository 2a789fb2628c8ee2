package com.carmutual.text2data.parse;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Metric;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A semantic query restated in plain words of the question's language: metrics, filters, the
 * period with its exact dates, grain, breakdown, order and limit. Shown above every answer so an
 * analyst can catch a misreading at a glance, and offered as the "did you mean" of a clarification.
 */
public final class Reading {
  private Reading() {}

  public static String of(SemanticModel model, SemanticQuery q, String lang) {
    if (q == null) {
      return "";
    }
    boolean zh = "zh".equals(lang);
    return switch (q.kind()) {
      case "retention" -> retention(q, zh);
      case "conversion" -> conversion(model, q, zh);
      case "funnel" -> funnel(q, zh);
      default -> metrics(model, q, zh);
    };
  }

  private static String metrics(SemanticModel model, SemanticQuery q, boolean zh) {
    List<String> parts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String m : q.metrics()) {
      Metric metric = model.metrics().get(m);
      labels.add(metric == null ? m : DeterministicParser.label(metric, zh ? "zh" : "en"));
    }
    parts.add((zh ? "指标：" : "") + String.join(zh ? "、" : ", ", labels));
    if (q.cumulative() != null) {
      parts.add(zh ? "按期累计" + ("year".equals(q.cumulative().grainToDate()) ? "（每年从1月1日起算）" : "（从期初起算）")
          : "with a running total" + ("year".equals(q.cumulative().grainToDate()) ? " from 1 January" : " from the start of the period"));
    }
    if (!q.dimensions().isEmpty()) {
      List<String> dims = q.dimensions().stream().map(d -> dimensionLabel(model, d, zh)).toList();
      parts.add((zh ? "按" : "by ") + String.join(zh ? "、" : " and ", dims) + (zh ? "拆分" : ""));
    }
    for (Filter f : q.filters()) {
      parts.add(filter(model, f, zh));
    }
    String period = period(q, zh);
    if (!period.isEmpty()) {
      parts.add(period);
    }
    if (q.time() != null && q.time().grain() != null) {
      parts.add(zh ? "按" + grainZh(q.time().grain()) : "per " + q.time().grain().replace('_', ' '));
    }
    if (q.compare() != null && q.compare().output() != null && q.compare().output().startsWith("periods")) {
      parts.add(zh ? "与前第 " + q.compare().value() + " 个" + grainZh(q.compare().unit()) + "并列对比"
          : "side by side with the same span " + q.compare().value() + " " + q.compare().unit().replace('_', ' ') + "(s) earlier");
    } else if (q.compare() != null) {
      String unit = q.compare().unit();
      parts.add(zh ? ("year".equals(unit) ? "与去年同期对比（同比）" : "与上一" + grainZh(unit) + "对比（环比）")
          : "compared with the " + ("year".equals(unit) ? "same period a year earlier" : "previous " + unit.replace('_', ' '))
              + ("change".equals(q.compare().output()) ? " (change and change %)" : " (previous value and change %)"));
    }
    if (q.share() != null) {
      parts.add(zh ? "并计算占比" : "with each row's share");
    }
    if (q.limit() != null) {
      String dir = q.orderBy().isEmpty() || "desc".equalsIgnoreCase(q.orderBy().get(0).direction()) ? (zh ? "最高" : "highest") : (zh ? "最低" : "lowest");
      parts.add(zh ? dir + "的前 " + q.limit() + " 名" + (Boolean.TRUE.equals(q.ties()) ? "（并列的都保留）" : "")
          : "the " + q.limit() + " " + dir + (Boolean.TRUE.equals(q.ties()) ? " (ties kept)" : ""));
    } else if (!q.orderBy().isEmpty() && !q.dimensions().isEmpty()) {
      String dir = "desc".equalsIgnoreCase(q.orderBy().get(0).direction()) ? (zh ? "从高到低" : "highest first") : (zh ? "从低到高" : "lowest first");
      parts.add(zh ? dir + "排序" : "sorted " + dir);
    }
    return String.join(zh ? "；" : "; ", parts);
  }

  static String dimensionLabel(SemanticModel model, String name, boolean zh) {
    int part = name.lastIndexOf("__");
    if (part > 0) {
      String base = dimensionLabel(model, name.substring(0, part), zh);
      return switch (name.substring(part + 2)) {
        case "day_of_week" -> zh ? base + "的星期几" : "day of week of " + base;
        case "hour" -> zh ? base + "的小时" : "hour of day of " + base;
        default -> zh ? base + "的月份" : "month of year of " + base;
      };
    }
    Dimension d = model.dimensions().get(name);
    if (d != null) {
      for (String s : d.synonyms()) {
        if (Text.hasCjk(s) == zh) {
          return s;
        }
      }
    }
    return name.substring(name.indexOf('.') + 1).replace('_', ' ');
  }

  private static String filter(SemanticModel model, Filter f, boolean zh) {
    Metric metric = model.metrics().get(f.field());
    String label = metric != null ? DeterministicParser.label(metric, zh ? "zh" : "en") : dimensionLabel(model, f.field(), zh);
    String values = String.join(zh ? "、" : ", ", f.values());
    String op = switch (f.op()) {
      case ">" -> zh ? "大于 " : "above ";
      case ">=" -> zh ? "不少于 " : "at least ";
      case "<" -> zh ? "小于 " : "below ";
      case "<=" -> zh ? "不超过 " : "at most ";
      case "not_in", "!=" -> zh ? "不是 " : "not ";
      default -> zh ? "为 " : "= ";
    };
    String per = f.groupBy() == null ? "" : zh ? "（按每个" + f.groupBy() + "合计）" : " (totalled per " + f.groupBy() + ")";
    return (zh ? "筛选：" : "where ") + label + " " + op + values + per;
  }

  private static String period(SemanticQuery q, boolean zh) {
    if (q.time() == null || q.time().start() == null) {
      return "";
    }
    LocalDate s = LocalDate.parse(q.time().start());
    LocalDate last = LocalDate.parse(q.time().end()).minusDays(1);
    String on = q.time().dimension() == null ? "" : (zh ? "（按" + q.time().dimension() + "）" : " on " + q.time().dimension());
    if (s.equals(last)) {
      return (zh ? "日期：" : "on ") + s + on;
    }
    return (zh ? "时间：" + s + " 至 " + last : "from " + s + " to " + last) + on;
  }

  /** A grain's Chinese word (天, 周, 月, 季度, 半年, 年). */
  public static String grainZh(String grain) {
    return switch (grain) {
      case "day" -> "天";
      case "week" -> "周";
      case "month" -> "月";
      case "quarter" -> "季度";
      case "half_year" -> "半年";
      default -> "年";
    };
  }

  private static String retention(SemanticQuery q, boolean zh) {
    var r = q.retention();
    if (r == null) {
      return "";
    }
    List<Integer> days = r.days() == null || r.days().isEmpty() ? List.of(r.day()) : r.days();
    String d = String.join(zh ? "、" : ", ", days.stream().map(String::valueOf).toList());
    boolean byDay = "day".equals(r.cohortGrain());
    return zh ? period(q, true) + "首次 " + r.targetEvent() + " 的用户，第 " + d + " 天 " + r.returningEvent() + " 的留存" + (byDay ? "，按首次日期逐日" : "")
        : "day-" + d + " retention (" + r.returningEvent() + ") of users whose first " + r.targetEvent() + " was " + period(q, false)
            + (byDay ? ", per cohort day" : "");
  }

  private static String conversion(SemanticModel model, SemanticQuery q, boolean zh) {
    var c = q.conversion();
    if (c == null) {
      return "";
    }
    if (c.baseMetric() != null) {
      return zh ? period(q, true) + "的" + c.baseMetric() + "中，" + c.windowDays() + " 天内有 " + c.conversionMetric() + " 的" + (Boolean.TRUE.equals(c.percent()) ? "百分比" : "比例")
          : "of " + c.baseMetric() + " " + period(q, false) + ", the " + (Boolean.TRUE.equals(c.percent()) ? "percentage" : "share") + " with "
              + c.conversionMetric() + " within " + c.windowDays() + " days of their own date";
    }
    String by = q.dimensions().isEmpty() ? "" : (zh ? "，按" : ", by ") + String.join(zh ? "、" : " and ", q.dimensions().stream().map(d -> dimensionLabel(model, d, zh)).toList());
    return zh ? period(q, true) + "发生 " + c.baseEvent() + " 的用户中 " + c.windowDays() + " 天内 " + c.conversionEvent() + " 的转化率" + by
        : c.baseEvent() + " to " + c.conversionEvent() + " conversion within " + c.windowDays() + " days, " + period(q, false) + by;
  }

  private static String funnel(SemanticQuery q, boolean zh) {
    var f = q.funnel();
    if (f == null) {
      return "";
    }
    return zh ? "漏斗 " + String.join(" > ", f.steps()) + "，首步在" + period(q, true) + "，窗口 " + f.windowDays() + " 天（从首步算起，按顺序）"
        : "ordered funnel " + String.join(" > ", f.steps()) + ", first step " + period(q, false) + ", " + f.windowDays() + "-day window from the first step";
  }
}
