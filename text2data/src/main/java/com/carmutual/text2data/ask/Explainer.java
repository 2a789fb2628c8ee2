package com.carmutual.text2data.ask;

import com.carmutual.text2data.ask.Answer.Chart;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.CompiledQuery.Column;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Metric;
import com.carmutual.text2data.parse.DeterministicParser;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import com.carmutual.text2data.warehouse.QueryResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Says in the question's language what was computed, and suggests a chart. Deterministic. */
final class Explainer {
  private Explainer() {}

  static String explain(SemanticModel model, SemanticQuery q, QueryResult r, String lang) {
    boolean zh = "zh".equals(lang);
    String period = period(q, zh);
    String rows = zh ? "共 " + r.rows().size() + " 行" + (r.truncated() ? "（已截断）" : "") + "。"
        : r.rows().size() + " row" + (r.rows().size() == 1 ? "" : "s") + (r.truncated() ? " (truncated at the row limit)" : "") + ".";
    if ("retention".equals(q.kind()) && q.retention() != null) {
      var t = q.retention();
      return zh ? period + "首次" + t.targetEvent() + "的用户在第 " + t.day() + " 天" + t.returningEvent() + "的留存率；尚未满 " + t.day() + " 天的队列显示为空。" + rows
          : "Day-" + t.day() + " retention (" + t.returningEvent() + " exactly " + t.day() + " days after the first " + t.targetEvent() + ") of users who started "
              + period + "; cohorts not yet " + t.day() + " days old show no value, not 0%. " + rows;
    }
    if (("conversion".equals(q.kind()) && q.conversion() != null && q.conversion().baseMetric() != null) || "funnel".equals(q.kind())) {
      return com.carmutual.text2data.parse.Reading.of(model, q, lang) + (zh ? "。" : ". ") + rows;
    }
    if ("conversion".equals(q.kind()) && q.conversion() != null) {
      var c = q.conversion();
      return zh ? period + "发生 " + c.baseEvent() + " 的用户中，" + c.windowDays() + " 天内完成 " + c.conversionEvent() + " 的比例" + dims(model, q, true) + "。" + rows
          : "Share of users with " + c.baseEvent() + " " + period + " who did " + c.conversionEvent() + " within " + c.windowDays() + " days" + dims(model, q, false) + ". " + rows;
    }
    List<String> labels = new ArrayList<>();
    for (String m : q.metrics()) {
      Metric metric = model.metrics().get(m);
      labels.add(metric == null ? m : DeterministicParser.label(metric, lang) + " (" + m + ")");
    }
    StringBuilder sb = new StringBuilder();
    if (zh) {
      sb.append(period).append(dims(model, q, true)).append(String.join("、", labels));
      if (!q.filters().isEmpty()) {
        sb.append("，筛选：").append(filters(q.filters()));
      }
      if (q.share() != null) {
        sb.append("，并计算占比");
      }
      if (q.compare() != null) {
        sb.append("，与上一").append(q.compare().unit().equals("year") ? "年同期" : "周期").append("对比");
      }
      if (q.limit() != null) {
        sb.append("，取前 ").append(q.limit()).append(" 名");
      }
      sb.append("。").append(rows);
    } else {
      sb.append(capitalize(String.join(", ", labels))).append(dims(model, q, false)).append(", ").append(period);
      if (!q.filters().isEmpty()) {
        sb.append(", where ").append(filters(q.filters()));
      }
      if (q.share() != null) {
        sb.append(", as a share");
      }
      if (q.compare() != null) {
        sb.append(", compared with the same period ").append(q.compare().value()).append(" ").append(q.compare().unit()).append(" earlier");
      }
      if (q.limit() != null) {
        sb.append(", top ").append(q.limit());
      }
      sb.append(". ").append(rows);
    }
    return sb.toString();
  }

  private static String period(SemanticQuery q, boolean zh) {
    if (q.time() == null || q.time().start() == null) {
      return zh ? "全部时间" : "over all time";
    }
    LocalDate s = LocalDate.parse(q.time().start());
    LocalDate e = LocalDate.parse(q.time().end()).minusDays(1);
    String grain = q.time().grain() == null ? "" : zh ? "（按" + com.carmutual.text2data.parse.Reading.grainZh(q.time().grain()) + "）" : " by " + q.time().grain().replace('_', ' ');
    if (s.equals(e)) {
      return zh ? s + grain : "on " + s + grain;
    }
    return zh ? s + " 至 " + e + grain : "from " + s + " to " + e + grain;
  }

  private static String dims(SemanticModel model, SemanticQuery q, boolean zh) {
    if (q.dimensions().isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (String d : q.dimensions()) {
      Dimension dim = model.dimensions().get(d);
      String label = d;
      if (dim != null) {
        for (String syn : dim.synonyms()) {
          if (syn.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) == zh) {
            label = syn;
            break;
          }
        }
      }
      names.add(label);
    }
    return zh ? "按" + String.join("、", names) + "统计的" : " by " + String.join(" and ", names);
  }

  private static String filters(List<Filter> filters) {
    List<String> out = new ArrayList<>();
    for (Filter f : filters) {
      boolean neg = f.op().equals("!=") || f.op().equals("not_in");
      out.add(f.field() + (neg ? " not in " : " = ") + String.join("/", f.values()));
    }
    return String.join("; ", out);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static Chart chart(SemanticQuery q, CompiledQuery cq, QueryResult r) {
    List<Column> cols = cq.columns();
    String time = cols.stream().filter(c -> c.role().equals("time")).map(Column::name).findFirst().orElse(null);
    List<String> dims = cols.stream().filter(c -> c.role().equals("dimension")).map(Column::name).toList();
    List<String> metrics = cols.stream().filter(c -> c.role().equals("metric")).map(Column::name).toList();
    if ("retention".equals(q.kind())) {
      return new Chart(time != null ? "line" : "number", time, List.of(metrics.get(metrics.size() - 1)), null);
    }
    if (r.rows().size() <= 1 && time == null && dims.isEmpty()) {
      return new Chart("number", null, metrics, null);
    }
    if (time != null) {
      return new Chart("line", time, metrics.subList(0, 1), dims.isEmpty() ? null : dims.get(0));
    }
    if (q.share() != null && "of_total".equals(q.share().type()) && dims.size() == 1) {
      return new Chart("pie", dims.get(0), List.of(metrics.get(0)), null);
    }
    if (dims.size() == 1) {
      return new Chart("bar", dims.get(0), metrics.subList(0, 1), null);
    }
    if (dims.size() == 2) {
      return new Chart("bar", dims.get(0), metrics.subList(0, 1), dims.get(1));
    }
    return new Chart("table", null, metrics, null);
  }
}
