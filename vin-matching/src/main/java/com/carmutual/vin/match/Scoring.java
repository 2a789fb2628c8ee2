package com.carmutual.vin.match;

import com.carmutual.vin.catalog.CatalogRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic scoring of catalog rows against what the VIN and hint say: first the model family
 * (normalised names, suffixes such as HYBRID or HD only with evidence), then within the family
 * the attributes (engine size, fuel, body, doors, trim words). Pure functions; no I/O.
 */
final class Scoring {
  static final double FAMILY_THRESHOLD = 0.5;
  private static final Pattern LITRES = Pattern.compile("(\\d{1,2}\\.\\d)\\s*[LT]?\\b");
  private static final Pattern CYLINDERS = Pattern.compile("\\b[IVHW](\\d{1,2})\\b");
  private static final Pattern BODY_DOORS = Pattern.compile("^(\\d)D ");
  /**
   * Suffixes that make a separate catalog model (Grand Cherokee L, Escalade ESV, Civic Si): without
   * evidence they are another vehicle. Other suffixes are descriptive (MX5 MIATA, HARDBODY PICKUP)
   * and keep the family when the catalog has no exact name.
   */
  private static final Set<String> DISTINCT_MODELS = Set.of("L", "ESV", "EXT", "SI", "TYPER", "SPORT", "SPORTWAGEN",
      "WAGON", "GT", "MAX", "XL", "LONG", "PLUS", "4XE", "COUPE", "CROSS", "ALLROAD", "ACTIVE", "HYBRID", "EV", "HD");
  /** Engine, drive and body words: they do not make one trim name differ from another. */
  private static final Set<String> NEUTRAL_WORDS = Set.of("ECOBOOST", "POWERBOOST", "TURBO", "HYBRID", "DIESEL",
      "AWD", "FWD", "RWD", "4X4", "4X2", "4WD", "2WD", "XDRIVE", "SDRIVE", "QUATTRO", "4MATIC", "4MOTION", "HATCHBACK",
      "SEDAN", "COUPE", "CONVERTIBLE", "WAGON", "CREW", "SUPERCREW", "CAB", "SUPERCAB", "REGULAR", "DOUBLE", "QUAD");
  private static final Set<String> NOT_TRIM_WORDS = Set.of("AUTO", "MANUAL", "CVT", "6MT", "5MT", "4DR", "2DR", "3DR",
      "5DR", "V6", "V8", "I4", "TURBO", "GAS");

  /**
   * A scored row.
   *
   * @param conflicts attributes the row contradicts (engine size, fuel, hybrid, body, doors)
   * @param trimMatches trim evidence: 10 or 11 when the row holds one of the VIN's trim names (11:
   *     exactly), plus one per hint word in the row's trim
   */
  @io.micronaut.serde.annotation.Serdeable
  record Scored(CatalogRow row, double modelScore, double score, int conflicts, int trimMatches, List<String> reasons,
      Evidence evidence) {
    Scored(CatalogRow row, double modelScore, double score, int conflicts, int trimMatches, List<String> reasons) {
      this(row, modelScore, score, conflicts, trimMatches, reasons, Evidence.NONE);
    }
  }

  /**
   * What the attributes said about one row, for the probability model.
   *
   * @param engineAgrees the VIN's or hint's engine size is the row's
   * @param cylinderConflict the row's cylinder count differs from the VIN's (weak: catalog engine
   *     descriptions are not always right about cylinders, so this is not a conflict)
   * @param vinTrim 11 when the row's trim is exactly one of the VIN's trim names, 10 when it holds
   *     one, else 0
   * @param hintWords words of the hint found in the row's trim
   */
  @io.micronaut.serde.annotation.Serdeable
  record Evidence(boolean engineAgrees, boolean cylinderConflict, int vinTrim, int hintWords) {
    static final Evidence NONE = new Evidence(false, false, 0, 0);
  }

  private Scoring() {}

  /** How well the catalog model name fits the vehicle's model family, with the reason. */
  static Scored model(CatalogRow row, VehicleFacts f) {
    String c = Names.key(row.model());
    List<String> reasons = new ArrayList<>();
    double best = 0;
    String why = null;
    if (f.modelKeys().isEmpty()) {
      best = FAMILY_THRESHOLD;
      why = "? model unknown from the VIN: make and year only";
    }
    for (String v : f.modelKeys()) {
      double s;
      String r;
      if (c.equals(v)) {
        s = 1.0;
        r = "+ model " + row.model() + " = VIN model";
      } else if (c.startsWith(v) && (v.length() >= 2 || displacementNumber(c.substring(v.length()), f) > 0.9)) {
        String suffix = c.substring(v.length());
        s = suffixScore(suffix, f);
        r = (s >= 0.9 ? "+ model " : "- model ") + row.model() + ": " + suffix + (s >= 0.9 ? " supported" : " not supported")
            + " by the VIN or hint";
      } else if (f.modelRuns().contains(Names.runs(row.model()))) {
        s = 0.98;
        r = "+ model " + row.model() + " = VIN model, parts in another order";
      } else if (variantOf(row.model(), v)) {
        s = 0.95;
        r = "+ model " + row.model() + ": the VIN names its variant";
      } else if (v.startsWith(c) && c.length() >= 2) {
        s = 0.4;
        r = "- model " + row.model() + " is less specific than the VIN's";
      } else if (v.length() >= 2 && v.equals(Names.initials(row.model()))) {
        s = 0.9;
        r = "+ model " + row.model() + " written by its initials " + v;
      } else {
        continue;
      }
      if (s > best) {
        best = s;
        why = r;
      }
    }
    boolean vinSpeaks = !f.modelKeys().isEmpty();
    if (c.length() >= 2 && !f.hintCompact().isEmpty() && f.hintCompact().contains(c) && (!vinSpeaks || best >= 0.9)) {
      double s = Math.max(best, 0.9) + 0.01 * Math.min(c.length(), 15);
      if (s > best) {
        best = s;
        why = (why == null ? "" : why + "; ") + "+ hint names model " + row.model();
      }
    }
    if (why != null) {
      reasons.add(why);
    }
    return new Scored(row, best, best, 0, 0, reasons);
  }

  /** Catalog "family variant" names ({@code 3-SERIES 330I}) whose last word is what the VIN calls the model. */
  private static boolean variantOf(String catalogModel, String vinKey) {
    String m = catalogModel.trim();
    int sp = m.lastIndexOf(' ');
    return sp > 0 && vinKey.length() >= 2 && Names.key(m.substring(sp + 1)).equals(vinKey)
        && !DISTINCT_MODELS.contains(vinKey);
  }

  private static double suffixScore(String suffix, VehicleFacts f) {
    return switch (suffix) {
      case "HYBRID" -> f.hybrid() ? 1.05 : 0.45;
      case "PRIME", "PHEV", "PLUGINHYBRID" -> "PHEV".equals(f.fuel()) ? 1.05 : 0.45;
      case "LIGHTNING", "EV", "E", "ELECTRIC" -> "ELECTRIC".equals(f.fuel()) ? 1.05 : 0.45;
      case "HD" -> f.heavyDuty() ? 1.0 : 0.45;
      case "UNLIMITED" -> f.doors() != null && f.doors() >= 4 ? 1.05 : 0.45;
      case "C", "CABRIO", "CABRIOLET", "CONVERTIBLE" -> f.bodies().contains("2D CONVERTIBLE") ? 1.05 : 0.45;
      default -> f.hintCompact().contains(suffix) ? 0.95 : DISTINCT_MODELS.contains(suffix) ? 0.45
          : displacementNumber(suffix, f);
    };
  }

  /**
   * Lexus- and Infiniti-style names carry the engine size ({@code ES} + 3.5 L = {@code ES350},
   * {@code G} + 3.7 L = {@code G37}): a number suffix is the same car when it is the VIN's engine
   * size, another car when the VIN names a different size, and undecided without one.
   */
  private static double displacementNumber(String suffix, VehicleFacts f) {
    if (!suffix.chars().allMatch(Character::isDigit) || f.displacement() == null) {
      return 0.6;
    }
    long tenths = Math.round(f.displacement() * 10);
    return suffix.equals(Long.toString(tenths * 10)) || suffix.equals(Long.toString(tenths)) ? 0.98 : 0.45;
  }

  /** Adds attribute agreement and conflicts to a row already in the model family. */
  static Scored attributes(Scored m, VehicleFacts f) {
    CatalogRow row = m.row();
    List<String> reasons = new ArrayList<>(m.reasons());
    int conflicts = 0;
    boolean engineAgrees = false;
    boolean cylinderConflict = false;
    double score = m.modelScore();
    String engine = row.engine() == null ? "" : row.engine().toUpperCase(Locale.ROOT);
    String trim = row.trim().toUpperCase(Locale.ROOT);
    Double litres = litres(engine);
    if (litres == null) {
      litres = litres(trim);
    }
    if (f.displacement() != null && litres != null) {
      if (Math.abs(f.displacement() - litres) < 0.06) {
        reasons.add("+ engine " + litres + "L");
        engineAgrees = true;
        score += 0.1;
      } else {
        reasons.add("- engine " + litres + "L, VIN or hint says " + f.displacement() + "L");
        conflicts++;
      }
    }
    Matcher cyl = CYLINDERS.matcher(engine);
    if (f.cylinders() != null && cyl.find()) {
      int c = Integer.parseInt(cyl.group(1));
      if (c == f.cylinders()) {
        reasons.add("+ " + c + " cylinders");
      } else if (f.displacement() != null && litres != null) {
        // the engine size already spoke; a catalog engine description can be wrong about cylinders
        reasons.add("? " + c + " cylinders, VIN says " + f.cylinders());
        cylinderConflict = true;
      } else {
        reasons.add("- " + c + " cylinders, VIN says " + f.cylinders());
        conflicts++;
      }
    }
    String fuel = row.fuel().toUpperCase(Locale.ROOT);
    if (f.fuel() != null) {
      boolean rowDiesel = fuel.equals("DIESEL");
      boolean rowElectric = fuel.equals("ELECTRIC");
      boolean conflict = (f.fuel().equals("DIESEL") != rowDiesel)
          || (f.fuel().equals("ELECTRIC") != rowElectric)
          || (f.fuel().equals("PHEV") && !fuel.equals("PHEV"));
      if (conflict) {
        reasons.add("- fuel " + fuel + ", evidence says " + f.fuel());
        conflicts++;
      } else {
        reasons.add("+ fuel " + fuel);
      }
    }
    boolean rowHybrid = fuel.equals("HYBRID") || fuel.equals("PHEV");
    if (f.hybrid() && !rowHybrid) {
      reasons.add("- not a hybrid; VIN or hint says hybrid");
      conflicts++;
    } else if (f.hybrid()) {
      reasons.add("+ hybrid");
    } else if (rowHybrid && f.fuel() != null) {
      reasons.add("- hybrid row; nothing in the VIN or hint says hybrid");
      conflicts++;
    }
    String body = row.bodyStyle().toUpperCase(Locale.ROOT);
    if (!f.bodies().isEmpty()) {
      if (f.bodies().contains(body)) {
        reasons.add("+ body " + body);
      } else {
        reasons.add("- body " + body + ", VIN says " + f.bodies());
        conflicts++;
      }
    }
    Matcher bd = BODY_DOORS.matcher(body);
    if (f.doors() != null && bd.find()) {
      int c = Integer.parseInt(bd.group(1));
      boolean strict = body.contains("SEDAN") || body.contains("COUPE") || body.contains("CONVERTIBLE");
      if (Math.abs(c - f.doors()) >= 2 || (strict && c != f.doors())) {
        reasons.add("- " + c + " doors, VIN says " + f.doors());
        conflicts++;
      } else {
        reasons.add("+ doors");
      }
    }
    Set<String> rowWords = new java.util.LinkedHashSet<>();
    for (String t : trim.split("[^A-Z0-9.]+")) {
      if (!t.isBlank() && !NOT_TRIM_WORDS.contains(t) && !LITRES.matcher(t).matches()) {
        rowWords.add(t);
      }
    }
    // the VIN's trim often lists alternatives ("Sport Hybrid / Sport Touring Hybrid"): a row that
    // holds every word of one alternative agrees with the VIN; hint words count one each
    int trimMatches = 0;
    List<String> matched = new ArrayList<>();
    Set<String> rowCore = new java.util.HashSet<>(rowWords);
    rowCore.removeAll(NEUTRAL_WORDS);
    for (Set<String> alt : f.trimAlternatives()) {
      if (!alt.isEmpty() && rowWords.containsAll(alt)) {
        Set<String> altCore = new java.util.HashSet<>(alt);
        altCore.removeAll(NEUTRAL_WORDS);
        // "PREMIUM PACKAGE" names that row exactly; "PREMIUM PLUS PACKAGE" only contains it
        int credit = rowCore.equals(altCore) ? 11 : 10;
        if (credit > trimMatches) {
          trimMatches = credit;
          matched.clear();
          matched.add(String.join(" ", alt));
        }
      }
    }
    int vinTrim = trimMatches;
    int hintWords = 0;
    for (String t : rowWords) {
      if (f.hintTokens().contains(t)) {
        trimMatches++;
        hintWords++;
        matched.add(t);
      }
    }
    if (trimMatches > 0) {
      reasons.add("+ trim " + matched);
      score += 0.05 * Math.min(trimMatches, 12);
    }
    score -= 0.3 * conflicts;
    return new Scored(row, m.modelScore(), Math.round(score * 1000) / 1000.0, conflicts, trimMatches, reasons,
        new Evidence(engineAgrees, cylinderConflict, vinTrim, hintWords));
  }

  static Double litres(String s) {
    Matcher m = LITRES.matcher(s);
    return m.find() ? Double.parseDouble(m.group(1)) : null;
  }

  static final Comparator<Scored> ORDER = Comparator.comparingInt(Scored::conflicts)
      .thenComparing(Comparator.comparingInt(Scored::trimMatches).reversed())
      .thenComparing(Comparator.comparingDouble(Scored::score).reversed())
      .thenComparing(s -> s.row().catalogId());
}
