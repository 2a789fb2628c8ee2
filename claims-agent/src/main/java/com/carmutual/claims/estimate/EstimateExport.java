package com.carmutual.claims.estimate;

import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.intake.Claim;
import com.carmutual.claims.plan.RepairLine;
import com.carmutual.claims.pricing.Totals;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports of an approved estimate: a CIECA-BMS-shaped document ({@code VehicleDamageEstimateAddRq}
 * with header, {@code ProfileInfo}, {@code DamageLineInfo} lines and {@code RepairTotalsInfo}) as a
 * JSON tree, and a printable HTML page.
 */
@Singleton
public class EstimateExport {
  private static final Map<String, String> OPS =
      Map.ofEntries(Map.entry("replace", "OP11"), Map.entry("repair", "OP9"), Map.entry("r&i", "OP2"), Map.entry("blend", "OP15"),
          Map.entry("refinish", "OP6"), Map.entry("overlap", "OP6"), Map.entry("clear-coat", "OP6"), Map.entry("sublet", "OP16"),
          Map.entry("calibrate", "OP16"), Map.entry("aim", "OP4"), Map.entry("materials", "OP0"));

  /** The CIECA operation code of an operation name ({@code OP0} manual when unknown). */
  public static String ciecaOperation(String op) {
    return OPS.getOrDefault(op, "OP0");
  }

  public Map<String, Object> bms(Claim claim, Estimate e, Map<String, BigDecimal> rates, BigDecimal paintMaterialsRate, BigDecimal taxRate) {
    Map<String, Object> rq = new LinkedHashMap<>();
    rq.put("RqUID", claim.id() + "-v" + e.version());
    rq.put("DocumentInfo", map("BMSVer", "6.9.0", "DocumentType", "E", "DocumentID", claim.id(), "DocumentVer", map("DocumentVerCode", "EM", "DocumentVerNum", e.version()),
        "CreateDateTime", e.createdAt().toString()));
    rq.put("ApplicationInfo", map("ApplicationType", "Estimating", "ApplicationName", "carmutual claims-agent", "ApplicationVer", "1.0"));
    rq.put("EstimatorIDs", map("EstimatorID", e.author()));
    rq.put("ClaimInfo", map("ClaimNum", claim.id(), "PolicyInfo", map("PolicyHolderID", claim.report().memberId()),
        "LossInfo", map("Facts", map("LossDateTime", String.valueOf(claim.report().lossDate()), "LossDesc", claim.report().description(),
            "LossLocation", claim.report().place()))));
    rq.put("VehicleInfo", map("VINInfo", map("VIN", map("VINNum", e.vehicle().vin())), "VehicleDesc",
        map("ModelYear", e.vehicle().year(), "MakeDesc", e.vehicle().make(), "ModelName", e.vehicle().model(), "BodyStyle", e.vehicle().bodyClass())));
    List<Object> rateInfo = new ArrayList<>();
    rates.forEach((type, rate) -> rateInfo.add(map("RateType", type, "Rate", rate)));
    rq.put("ProfileInfo", map("RateInfo", rateInfo, "MaterialRate", map("MaterialType", "MAPA", "Rate", paintMaterialsRate), "TaxInfo", map("TaxType", "PartsAndMaterials", "TaxRate", taxRate)));
    List<Object> lines = new ArrayList<>();
    int n = 1;
    for (RepairLine l : e.lines()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("LineNum", n);
      line.put("UniqueSequenceNum", l.lineId());
      line.put("ManualLineInd", "adjuster".equals(l.source()));
      line.put("AutomatedEntry", !"adjuster".equals(l.source()));
      line.put("LineDesc", l.description());
      if (l.partPrice() != null) {
        line.put("PartInfo", map("PartType", l.partType(), "PartNum", l.partCode(), "PartPrice", l.partPrice(), "Quantity", 1, "TaxableInd", true));
      }
      if (l.laborHours().signum() != 0 || l.laborType() != null && !"LAR".equals(l.laborType())) {
        line.put("LaborInfo", map("LaborType", l.laborType(), "LaborOperation", ciecaOperation(l.operation()), "LaborHours", l.laborHours()));
      }
      if (l.refinishHours().signum() != 0) {
        line.put("RefinishLaborInfo", map("LaborType", "LAR", "LaborOperation", ciecaOperation(l.operation()), "LaborHours", l.refinishHours()));
      }
      if (l.subletAmount() != null) {
        line.put("OtherChargesInfo", map("OtherChargesType", "Sublet", "Price", l.subletAmount()));
      }
      if ("materials".equals(l.operation())) {
        line.put("OtherChargesInfo", map("OtherChargesType", "MAPA", "Price", l.amount()));
      }
      line.put("LineMemo", (l.source() + (l.confidence() == null ? "" : " conf " + l.confidence()) + (l.evidence() == null ? "" : "; " + l.evidence())));
      line.put("LineAmount", l.amount());
      lines.add(line);
      n++;
    }
    rq.put("DamageLineInfo", lines);
    Totals t = e.totals();
    List<Object> labor = new ArrayList<>();
    t.laborByType().forEach((type, amount) -> labor.add(map("TotalType", type, "TotalAmt", amount)));
    rq.put("RepairTotalsInfo", map(
        "LaborTotalsInfo", labor,
        "PartsTotalsInfo", map("TotalType", "PAT", "TotalAmt", t.partsTotal()),
        "OtherChargesTotalsInfo", List.of(map("TotalType", "MAPA", "TotalAmt", t.paintMaterialsTotal()), map("TotalType", "Sublet", "TotalAmt", t.subletTotal())),
        "SummaryTotalsInfo", List.of(
            map("TotalType", "LinesTotal", "TotalAmt", t.linesTotal()),
            map("TotalType", "Tax", "TotalAmt", t.tax()),
            map("TotalType", "GrossTotal", "TotalAmt", t.grossTotal()),
            map("TotalType", "Deductible", "TotalAmt", t.deductible()),
            map("TotalType", "InsurerPays", "TotalAmt", t.insurerPays()),
            map("TotalType", "CustomerPays", "TotalAmt", t.customerPays()))));
    return Map.of("VehicleDamageEstimateAddRq", rq);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  public String html(Claim claim, Estimate e) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Estimate ").append(esc(claim.id())).append("</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;font-size:12px}")
        .append("td.n{text-align:right}@media print{button{display:none}}</style></head><body>");
    h.append("<h1>Repair estimate</h1><p>Claim <b>").append(esc(claim.id())).append("</b>, version ").append(e.version()).append(" (")
        .append(esc(e.status())).append(" by ").append(esc(e.author())).append(", ").append(esc(e.createdAt().toString())).append(")</p>");
    h.append("<p>Member ").append(esc(claim.report().memberId())).append(" &middot; loss ").append(esc(String.valueOf(claim.report().lossDate())))
        .append(" at ").append(esc(String.valueOf(claim.report().place()))).append("</p>");
    h.append("<p>Vehicle: ").append(esc(e.vehicle().year() + " " + e.vehicle().make() + " " + e.vehicle().model())).append(" VIN ")
        .append(esc(String.valueOf(e.vehicle().vin()))).append("</p>");
    h.append("<table><tr><th>#</th><th>Line</th><th>Op</th><th>Part type</th><th>Part price</th><th>Labour h</th><th>Refinish h</th><th>Amount</th><th>Source</th></tr>");
    int n = 1;
    for (RepairLine l : e.lines()) {
      h.append("<tr><td>").append(n++).append("</td><td>").append(esc(l.description())).append("</td><td>").append(esc(ciecaOperation(l.operation())))
          .append(" ").append(esc(l.operation())).append("</td><td>").append(esc(l.partType() == null ? "" : l.partType())).append("</td><td class=n>")
          .append(l.partPrice() == null ? "" : l.partPrice().toPlainString()).append("</td><td class=n>").append(l.laborHours().toPlainString())
          .append("</td><td class=n>").append(l.refinishHours().toPlainString()).append("</td><td class=n>").append(l.amount().toPlainString())
          .append("</td><td>").append(esc(l.source())).append("</td></tr>");
    }
    Totals t = e.totals();
    h.append("</table><h2>Totals</h2><table>");
    row(h, "Parts", t.partsTotal());
    t.laborByType().forEach((type, amount) -> row(h, "Labour " + type, amount));
    row(h, "Paint and materials", t.paintMaterialsTotal());
    row(h, "Sublet", t.subletTotal());
    row(h, "Lines total", t.linesTotal());
    row(h, "Tax", t.tax());
    row(h, "Gross total", t.grossTotal());
    row(h, "Deductible (member pays)", t.customerPays());
    row(h, "Mutual pays", t.insurerPays());
    h.append("</table>");
    if (!e.flags().isEmpty()) {
      h.append("<h2>Flags</h2><ul>");
      for (Flag f : e.flags()) {
        h.append("<li>").append(esc(f.level())).append(" ").append(esc(f.code())).append(f.subject() == null ? "" : " (" + esc(f.subject()) + ")")
            .append(": ").append(esc(f.evidence())).append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<p>Total-loss check: ").append(esc(e.totalLoss().explanation())).append(" &middot; ACV ").append(e.totalLoss().actualCashValue().toPlainString())
        .append(" (").append(esc(e.totalLoss().acvSource())).append(")</p>");
    h.append("<button onclick=\"window.print()\">Print</button></body></html>");
    return h.toString();
  }

  private static void row(StringBuilder h, String label, BigDecimal v) {
    h.append("<tr><th style=\"text-align:left\">").append(esc(label)).append("</th><td class=n>").append(v.toPlainString()).append("</td></tr>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
