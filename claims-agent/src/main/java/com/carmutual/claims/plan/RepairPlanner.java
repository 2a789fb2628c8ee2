package com.carmutual.claims.plan;

import com.carmutual.claims.damage.Damage;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.taxonomy.Part;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.Vehicle;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Repair planning by rules ({@code estimate_rules.csv}, {@code parts.csv}): repair or replace by
 * part, material, damage type and severity (plastic bumper limits, no repair in ADAS sensor zones,
 * welded panels repaired not replaced), refinish, blend of adjacent panels at 50% of full refinish,
 * refinish overlap deductions (0.4 h adjacent, 0.2 h not), clear coat (+40% first panel, +20% each
 * further, capped at 2.5 h), R&I, headlamp aim, sensor calibration, and hidden-damage suspicion as
 * "likely supplement" flags instead of guessed lines. Pure function of its input.
 */
@Singleton
public class RepairPlanner {
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal OVERLAP_ADJACENT = new BigDecimal("0.4");
  private static final BigDecimal OVERLAP_OTHER = new BigDecimal("0.2");
  private static final BigDecimal CLEAR_FIRST = new BigDecimal("0.40");
  private static final BigDecimal CLEAR_NEXT = new BigDecimal("0.20");
  private static final BigDecimal CLEAR_CAP = new BigDecimal("2.5");
  private static final BigDecimal CALIBRATION_SUBLET = new BigDecimal("400.00");
  private static final Set<String> WELDED = Set.of("QUARTER_PANEL", "ROOF_PANEL", "ROCKER_OUTER", "B_PILLAR_OUTER", "REAR_BODY_PANEL", "BEDSIDE_PICKUP", "RAD_SUPPORT");
  private static final Set<String> REINFORCEMENTS = Set.of("FRT_BUMPER_REINF", "REAR_BUMPER_REINF", "FRT_BUMPER_ABSORBER");
  private static final Set<String> FRONT_SENSORS = Set.of("FRT_RADAR", "PARK_SENSOR");
  private static final Set<String> REAR_SENSORS = Set.of("BSM_RADAR");
  private static final Set<String> REPLACED_WHEN_DAMAGED =
      Set.of("HEADLAMP", "TAIL_LAMP", "FOG_LAMP", "MIRROR", "PARK_SENSOR", "FRT_RADAR", "BSM_RADAR", "FRT_GRILLE", "FRT_LOWER_GRILLE", "DOOR_HANDLE",
          "FENDER_LINER", "BODYSIDE_MLDG", "WHEEL_FLARE", "COWL_COVER", "RADIATOR", "AC_CONDENSER", "TIRE", "HOOD_HINGE", "SPOILER", "FRT_BUMPER_REINF",
          "REAR_BUMPER_REINF", "FRT_BUMPER_ABSORBER", "DOOR_GLASS", "BACK_GLASS");

  private final Taxonomy taxonomy;

  public RepairPlanner(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The unpriced lines and flags for {@code input}. */
  public Plan plan(PlanInput input) {
    List<RepairLine> lines = new ArrayList<>();
    List<Flag> flags = new ArrayList<>();
    Vehicle v = input.vehicle();
    int age = input.lossDate() != null && v.year() != null ? Math.max(0, input.lossDate().getYear() - v.year()) : 0;
    Map<String, Damage> byKey = new LinkedHashMap<>();
    for (Damage d : input.damages()) {
      if (taxonomy.part(d.partCode()).isPresent()) {
        byKey.putIfAbsent(d.key(), d);
      }
    }
    Set<String> codes = new LinkedHashSet<>();
    byKey.values().forEach(d -> codes.add(d.partCode()));
    boolean frontSensors = codes.stream().anyMatch(FRONT_SENSORS::contains);
    boolean rearSensors = codes.stream().anyMatch(REAR_SENSORS::contains);

    for (Damage d : byKey.values()) {
      Part part = taxonomy.part(d.partCode()).orElseThrow();
      boolean adasCover =
          ("FRT_BUMPER_COVER".equals(part.code()) && frontSensors) || ("REAR_BUMPER_COVER".equals(part.code()) && rearSensors);
      String op = operation(part, d, adasCover, flags);
      lines.add(partLine(part, d, op, age, v));
    }
    addRuleLines(lines, codes, frontSensors, rearSensors, flags);
    addBlends(lines);
    addOverlapAndClearCoat(lines);
    hiddenDamage(codes, byKey, flags);
    List<RepairLine> numbered = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      numbered.add(lines.get(i).withLineId(String.format(Locale.ROOT, "L%02d", i + 1)));
    }
    return new Plan(numbered, flags);
  }

  private String operation(Part part, Damage d, boolean adasCover, List<Flag> flags) {
    String type = d.damageType();
    String code = part.code();
    boolean bumperCover = code.endsWith("BUMPER_COVER");
    switch (type) {
      case "broken", "shattered", "missing", "torn" -> {
        return "replace";
      }
      case "puncture" -> {
        return Set.of("TIRE", "RADIATOR", "AC_CONDENSER", "FENDER_LINER").contains(code) ? "replace" : "repair";
      }
      case "crack" -> {
        if ("WINDSHIELD".equals(code) && "minor".equals(d.severity())) {
          return "repair";
        }
        if (bumperCover) {
          if (adasCover) {
            flags.add(new Flag("ADAS_ZONE_REPLACE", "estimate", "review", code,
                "crack on a sensor-equipped bumper cover: no filler or plastic repair in the radar zone (Ford/Toyota/Honda/Tesla) -> replace"));
            return "replace";
          }
          flags.add(new Flag("BUMPER_REPAIR_LIMIT", "estimate", "review", code,
              "crack repair assumed; replace if the hole is 50 mm or more, the crack 100 mm or more, or longer than half the bumper width (Mazda BRM)"));
          return "repair";
        }
        return part.painted() && !REPLACED_WHEN_DAMAGED.contains(code) ? "repair" : "replace";
      }
      case "bent" -> {
        if (REINFORCEMENTS.contains(code) || "WHEEL_ALLOY".equals(code) || "HOOD_HINGE".equals(code)) {
          return "replace";
        }
        if (WELDED.contains(code) || part.structural()) {
          return "repair";
        }
        return "severe".equals(d.severity()) && part.operations().stream().anyMatch(o -> o.startsWith("Replace")) ? "replace" : "repair";
      }
      default -> {
        // dent, scratch
        if ("WHEEL_ALLOY".equals(code) && "scratch".equals(type)) {
          return "sublet";
        }
        if (REPLACED_WHEN_DAMAGED.contains(code) && !"scratch".equals(type)) {
          return "replace";
        }
        if (bumperCover && adasCover && !"scratch".equals(type)) {
          flags.add(new Flag("ADAS_ZONE_REPLACE", "estimate", "review", code,
              "substrate damage on a sensor-equipped bumper cover: no repair in the radar zone -> replace"));
          return "replace";
        }
        if ("severe".equals(d.severity()) && !WELDED.contains(code) && part.operations().stream().anyMatch(o -> o.startsWith("Replace"))) {
          return "replace";
        }
        return "repair";
      }
    }
  }

  private RepairLine partLine(Part part, Damage d, String op, int age, Vehicle v) {
    BigDecimal labor;
    BigDecimal refinish = BigDecimal.ZERO;
    String partType = null;
    BigDecimal sublet = null;
    String laborType = part.laborType();
    switch (op) {
      case "replace" -> {
        labor = mid(part.replaceHoursLow(), part.replaceHoursHigh());
        if (part.painted()) {
          refinish = mid(part.refinishHoursLow(), part.refinishHoursHigh()).add(newPanelExtra(part.code()));
        }
        partType = partType(part, age);
      }
      case "sublet" -> {
        labor = BigDecimal.ZERO;
        sublet = new BigDecimal("150.00");
        laborType = null;
      }
      default -> {
        labor = repairHours(part, d).min(mid(part.replaceHoursLow(), part.replaceHoursHigh()).max(new BigDecimal("0.5")));
        if (part.structural()) {
          labor = mid(part.replaceHoursLow(), part.replaceHoursHigh()).multiply(HALF).setScale(1, RoundingMode.HALF_UP);
        }
        if (part.painted()) {
          refinish = mid(part.refinishHoursLow(), part.refinishHoursHigh());
        }
        if ("WINDSHIELD".equals(part.code())) {
          labor = BigDecimal.ZERO;
          sublet = new BigDecimal("80.00");
          laborType = null;
        }
      }
    }
    String desc = part.name() + (part.perSide() ? " (" + d.side().toLowerCase(Locale.ROOT) + ")" : "") + ": " + op + " (" + d.damageType() + ", " + d.severity() + ")";
    return new RepairLine(
        "", part.code(), d.side(), desc, op, d.damageType(), d.severity(), laborType, labor, refinish, partType, null, sublet, null,
        d.source() == null ? "text" : d.source(), d.confidence(), d.evidencePhoto() != null ? "photo " + d.evidencePhoto() : d.evidence());
  }

  /** Refinish of surfaces a new panel adds (parts.csv notes): underside, edges, jambs. */
  private static BigDecimal newPanelExtra(String code) {
    return switch (code) {
      case "HOOD", "TRUNK_LID" -> new BigDecimal("1.0");
      case "FRT_DOOR_SHELL", "REAR_DOOR_SHELL" -> new BigDecimal("0.8");
      case "FENDER" -> new BigDecimal("0.5");
      default -> BigDecimal.ZERO;
    };
  }

  private static BigDecimal repairHours(Part part, Damage d) {
    String key = d.damageType() + "/" + d.severity();
    return new BigDecimal(
        switch (key) {
          case "scratch/minor" -> "0.5";
          case "scratch/moderate", "scratch/severe" -> "1.0";
          case "dent/minor" -> "1.0";
          case "dent/moderate" -> "2.0";
          case "dent/severe" -> "3.5";
          case "bent/moderate" -> "2.5";
          case "bent/severe" -> "4.0";
          case "crack/moderate", "crack/minor" -> "1.5";
          default -> "1.0";
        });
  }

  private static String partType(Part part, int age) {
    if (part.glass()) {
      return "PAG";
    }
    if (part.alternativePartsCommon() && age >= 3 && !part.structural()) {
      return "PAA";
    }
    return "PAN";
  }

  static BigDecimal mid(BigDecimal low, BigDecimal high) {
    return low.add(high).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
  }

  private void addRuleLines(List<RepairLine> lines, Set<String> codes, boolean frontSensors, boolean rearSensors, List<Flag> flags) {
    List<RepairLine> added = new ArrayList<>();
    boolean headlampReplaced = lines.stream().anyMatch(l -> "HEADLAMP".equals(l.partCode()) && "replace".equals(l.operation()));
    if (headlampReplaced) {
      added.add(ruleLine(null, null, "Aim headlamps", "aim", "LAB", new BigDecimal("0.3"), null, "headlamp replaced: aim required (parts.csv)"));
    }
    for (String end : List.of("FRT", "REAR")) {
      RepairLine cover = lines.stream().filter(l -> (end + "_BUMPER_COVER").equals(l.partCode())).findFirst().orElse(null);
      boolean sensors = "FRT".equals(end) ? frontSensors : rearSensors;
      String radar = "FRT".equals(end) ? "FRT_RADAR" : "BSM_RADAR";
      boolean radarLine = lines.stream().anyMatch(l -> radar.equals(l.partCode()));
      if (cover != null && sensors) {
        for (String sensor : "FRT".equals(end) ? List.of("FRT_RADAR", "PARK_SENSOR") : List.of("BSM_RADAR")) {
          if (!codes.contains(sensor)) {
            continue;
          }
          for (RepairLine l : List.copyOf(lines)) {
            if (sensor.equals(l.partCode()) && !"replace".equals(l.operation())) {
              added.add(ruleLine(sensor, l.side(), "R&I " + sensor + " for bumper cover work", "r&i", "LAE", new BigDecimal("0.3"), null, "sensor in a touched cover"));
            }
          }
        }
      }
      if (radarLine || (cover != null && sensors && codes.contains(radar))) {
        added.add(ruleLine(radar, null, "Calibrate " + radar + " (static/dynamic, sublet)", "calibrate", null, BigDecimal.ZERO, CALIBRATION_SUBLET,
            "radar replaced, removed or its bumper cover touched: calibration required (OEM position statements)"));
      } else if (cover != null && !sensors) {
        flags.add(new Flag("ADAS_EQUIPMENT_UNKNOWN", "estimate", "review", end + "_BUMPER_COVER",
            "bumper cover work: if this vehicle has radar or parking sensors in the cover, add sensor R&I and calibration lines"));
      }
    }
    boolean reinfOnly = lines.stream().anyMatch(l -> REINFORCEMENTS.contains(l.partCode()) && l.partCode().startsWith("FRT")) && !codes.contains("FRT_BUMPER_COVER");
    if (reinfOnly) {
      added.add(ruleLine("FRT_BUMPER_COVER", "CENTER", "R&I front bumper cover for access", "r&i", "LAB", new BigDecimal("1.0"), null, "reinforcement behind the cover"));
    }
    boolean rearReinfOnly = codes.contains("REAR_BUMPER_REINF") && !codes.contains("REAR_BUMPER_COVER");
    if (rearReinfOnly) {
      added.add(ruleLine("REAR_BUMPER_COVER", "CENTER", "R&I rear bumper cover for access", "r&i", "LAB", new BigDecimal("1.0"), null, "reinforcement behind the cover"));
    }
    if (lines.stream().anyMatch(l -> "AC_CONDENSER".equals(l.partCode()) && "replace".equals(l.operation()))) {
      added.add(ruleLine(null, null, "A/C evacuate and recharge (sublet)", "sublet", null, BigDecimal.ZERO, new BigDecimal("150.00"), "condenser replaced (parts.csv)"));
    }
    for (RepairLine l : List.copyOf(lines)) {
      if ("TIRE".equals(l.partCode()) && "replace".equals(l.operation())) {
        added.add(ruleLine("TIRE", l.side(), "Mount and balance tire", "r&i", "LAM", new BigDecimal("0.5"), null, "tire replaced"));
      }
    }
    if (codes.contains("WINDSHIELD")) {
      flags.add(new Flag("WINDSHIELD_CAMERA", "estimate", "review", "WINDSHIELD", "camera-equipped windshields need ADAS calibration ($250-600) after replacement: confirm equipment"));
    }
    lines.addAll(added);
  }

  private static RepairLine ruleLine(String partCode, String side, String desc, String op, String laborType, BigDecimal hours, BigDecimal sublet, String why) {
    return new RepairLine("", partCode, side, desc, op, null, null, laborType, hours, BigDecimal.ZERO, null, null, sublet, null, "rule", 1.0, why);
  }

  /** Adjacent panels are blended at 50% of their full refinish time for colour match. */
  private void addBlends(List<RepairLine> lines) {
    Set<String> refinished = new LinkedHashSet<>();
    for (RepairLine l : lines) {
      if (l.partCode() != null && l.refinishHours().signum() > 0) {
        refinished.add(l.partCode() + "/" + l.side());
      }
    }
    List<RepairLine> blends = new ArrayList<>();
    for (RepairLine l : List.copyOf(lines)) {
      if (l.partCode() == null || l.refinishHours().signum() <= 0 || "rule".equals(l.source())) {
        continue;
      }
      Part part = taxonomy.part(l.partCode()).orElseThrow();
      for (String candidate : part.blendCandidates()) {
        for (String key : blendTargets(candidate, l.side())) {
          String code = key.split("/")[0];
          Part target = taxonomy.part(code).orElse(null);
          if (target == null || !target.painted() || refinished.contains(key)) {
            continue;
          }
          refinished.add(key);
          BigDecimal hours = mid(target.refinishHoursLow(), target.refinishHoursHigh()).multiply(HALF).setScale(1, RoundingMode.HALF_UP);
          String side = key.split("/")[1];
          blends.add(new RepairLine("", code, side, "Blend " + target.name() + (target.perSide() ? " (" + side.toLowerCase(Locale.ROOT) + ")" : "")
              + " for colour match", "blend", null, null, "LAR", BigDecimal.ZERO, hours, null, null, null, null, "rule", 0.9,
              "adjacent to refinished " + l.partCode() + "; blend = 50% of full refinish (BLEND_DEFAULT)"));
        }
      }
    }
    lines.addAll(blends);
  }

  private static List<String> blendTargets(String candidate, String side) {
    String c = candidate.toLowerCase(Locale.ROOT).trim();
    boolean sided = "LEFT".equals(side) || "RIGHT".equals(side);
    List<String> sides = sided ? List.of(side) : List.of("LEFT", "RIGHT");
    String code =
        switch (c) {
          case "hood" -> "HOOD";
          case "front door" -> "FRT_DOOR_SHELL";
          case "rear door" -> "REAR_DOOR_SHELL";
          case "fender", "fenders" -> "FENDER";
          case "quarter panel", "quarter panels" -> "QUARTER_PANEL";
          case "decklid" -> "TRUNK_LID";
          case "tailgate" -> "TAILGATE_PICKUP";
          case "bed sides" -> "BEDSIDE_PICKUP";
          default -> null;
        };
    if (code == null) {
      return List.of();
    }
    if (Set.of("HOOD", "TRUNK_LID", "TAILGATE_PICKUP").contains(code)) {
      return List.of(code + "/CENTER");
    }
    return sides.stream().map(s -> code + "/" + s).toList();
  }

  /** Refinish overlap deductions and the clear-coat allowance, as two rule lines. */
  private void addOverlapAndClearCoat(List<RepairLine> lines) {
    List<RepairLine> panels = lines.stream().filter(l -> l.partCode() != null && l.refinishHours().signum() > 0 && !"blend".equals(l.operation())).toList();
    if (panels.isEmpty()) {
      return;
    }
    RepairLine first = panels.get(0);
    for (RepairLine p : panels) {
      if (p.refinishHours().compareTo(first.refinishHours()) > 0) {
        first = p;
      }
    }
    Part firstPart = taxonomy.part(first.partCode()).orElseThrow();
    BigDecimal overlap = BigDecimal.ZERO;
    BigDecimal clear = first.refinishHours().multiply(CLEAR_FIRST);
    for (RepairLine p : lines) {
      if (p == first || p.partCode() == null || p.refinishHours().signum() <= 0) {
        continue;
      }
      clear = clear.add(p.refinishHours().multiply(CLEAR_NEXT));
      if ("blend".equals(p.operation())) {
        continue;
      }
      boolean adjacent = adjacent(firstPart, first.side(), p);
      overlap = overlap.add(adjacent ? OVERLAP_ADJACENT : OVERLAP_OTHER);
    }
    if (overlap.signum() > 0) {
      lines.add(new RepairLine("", null, null, "Refinish overlap deduction", "overlap", null, null, "LAR", BigDecimal.ZERO, overlap.negate(),
          null, null, null, null, "rule", 1.0, "0.4 h per additional adjacent panel, 0.2 h per non-adjacent (REFINISH_OVERLAP_ADJ/NONADJ)"));
    }
    clear = clear.min(CLEAR_CAP).setScale(1, RoundingMode.HALF_UP);
    if (clear.signum() > 0) {
      lines.add(new RepairLine("", null, null, "Clear coat", "clear-coat", null, null, "LAR", BigDecimal.ZERO, clear,
          null, null, null, null, "rule", 1.0, "40% of the first panel's refinish + 20% of each further panel, capped at 2.5 h (CLEARCOAT_*)"));
    }
  }

  private boolean adjacent(Part first, String firstSide, RepairLine other) {
    Part o = taxonomy.part(other.partCode()).orElse(null);
    if (o == null) {
      return false;
    }
    boolean sideOk = !first.perSide() || !o.perSide() || first.perSide() && firstSide != null && firstSide.equals(other.side());
    boolean listed =
        (first.blendCandidates().stream().anyMatch(c -> blendTargets(c, firstSide).stream().anyMatch(k -> k.startsWith(o.code() + "/")))
                || o.blendCandidates().stream().anyMatch(c -> blendTargets(c, other.side()).stream().anyMatch(k -> k.startsWith(first.code() + "/"))));
    return sideOk && listed;
  }

  private void hiddenDamage(Set<String> codes, Map<String, Damage> byKey, List<Flag> flags) {
    if (codes.contains("FRT_BUMPER_COVER") && codes.contains("HOOD") && codes.contains("HEADLAMP") && !codes.contains("RAD_SUPPORT")) {
      flags.add(new Flag("LIKELY_SUPPLEMENT", "estimate", "warning", "RAD_SUPPORT",
          "front bumper, hood and headlamp all damaged: radiator support damage is likely but not visible; expect a supplement after teardown"));
    }
    boolean severeFront = byKey.values().stream().anyMatch(d -> "FRT_BUMPER_COVER".equals(d.partCode()) && "severe".equals(d.severity()));
    if (severeFront && !codes.contains("FRT_BUMPER_REINF")) {
      flags.add(new Flag("LIKELY_SUPPLEMENT", "estimate", "review", "FRT_BUMPER_REINF",
          "severe front bumper damage: reinforcement and absorber behind it may be damaged; inspect at teardown"));
    }
    boolean rearLid = codes.contains("TRUNK_LID") || codes.contains("LIFTGATE") || codes.contains("TAILGATE_PICKUP");
    if (codes.contains("REAR_BUMPER_COVER") && rearLid && !codes.contains("REAR_BODY_PANEL")) {
      flags.add(new Flag("LIKELY_SUPPLEMENT", "estimate", "warning", "REAR_BODY_PANEL",
          "rear bumper cover and trunk lid/liftgate both damaged: the welded rear body panel behind them is often damaged too"));
    }
    for (Damage d : byKey.values()) {
      Part p = taxonomy.part(d.partCode()).orElseThrow();
      if (p.structural()) {
        flags.add(new Flag("STRUCTURAL_DAMAGE", "estimate", "warning", p.code(),
            p.name() + " is structural: photos rarely show the extent; measure and inspect before approving (high supplement risk)"));
      }
      if ("WHEEL_ALLOY".equals(d.partCode()) && "bent".equals(d.damageType())) {
        flags.add(new Flag("SUSPENSION_CHECK", "estimate", "review", "WHEEL_ALLOY", "bent wheel: check suspension and alignment (likely supplement)"));
      }
      if (d.confidence() != null && d.confidence() < 0.6) {
        flags.add(new Flag("DAMAGE_LOW_CONFIDENCE", "estimate", "review", d.partCode(),
            "damage on " + d.key() + " read with confidence " + d.confidence() + ": confirm on the photos"));
      }
    }
  }
}
