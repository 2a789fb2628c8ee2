package com.carmutual.vin.match;

import com.carmutual.vin.catalog.CatalogRow;
import com.carmutual.vin.decode.DecodedVin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labels a VIN the way the data README defines gold: of the rows of the vehicle's make, model and
 * year, those that agree with everything the VIN decodes (trim or series, engine size, fuel, body,
 * doors) and with the hint; all of them when nothing tells them apart, none when none agrees.
 *
 * <p>Written apart from {@link Scoring} on purpose (its own reading of engines, fuels, bodies and
 * trims) so the labelled set can disagree with the matcher; only the model family (which rows are
 * the vehicle's make, model and year) comes from the matcher, and is checked on the dev gold.
 * Strict where the README is: an attribute the VIN and a row both state and that differs rules the
 * row out; trim names only narrow (a trim the catalog does not list rules nothing out).
 */
final class ReferenceLabeller {
  private static final Pattern LITRES = Pattern.compile("(\\d{1,2}\\.\\d)\\s*L");
  private static final Pattern DOORS = Pattern.compile("^(\\d)D ");

  private ReferenceLabeller() {}

  /** The acceptable rows among {@code family} (the vehicle's make, model and year) for this VIN and hint. */
  static List<CatalogRow> acceptable(DecodedVin d, String hint, List<CatalogRow> family) {
    Hint h = Hint.parse(hint);
    Double litres = number(d.displacementL());
    if (litres == null) {
      litres = h.displacement();
    }
    String fuel = fuel(d, h);
    Set<String> bodies = bodies(d.bodyClass());
    Integer doors = number(d.doors()) == null ? null : number(d.doors()).intValue();
    List<CatalogRow> out = new ArrayList<>();
    Double cylinders = number(d.engineCylinders());
    for (CatalogRow r : family) {
      Double rowLitres = rowLitres(r);
      if (litres != null && rowLitres != null && Math.abs(litres - rowLitres) > 0.05) {
        continue;
      }
      // without an engine size on both sides, the cylinder count is the engine evidence
      Integer rowCylinders = rowCylinders(r);
      if ((litres == null || rowLitres == null) && cylinders != null && rowCylinders != null
          && rowCylinders != cylinders.intValue()) {
        continue;
      }
      if (fuel != null && !fuelAgrees(fuel, r.fuel().toUpperCase(Locale.ROOT))) {
        continue;
      }
      String body = r.bodyStyle().toUpperCase(Locale.ROOT);
      if (!bodies.isEmpty() && !bodies.contains(body)) {
        continue;
      }
      Matcher m = DOORS.matcher(body);
      if (doors != null && m.find()) {
        int rowDoors = Integer.parseInt(m.group(1));
        boolean strict = body.contains("SEDAN") || body.contains("COUPE") || body.contains("CONVERTIBLE");
        if (strict ? rowDoors != doors : Math.abs(rowDoors - doors) > 1) {
          continue;
        }
      }
      out.add(r);
    }
    out = narrowByTrim(out, trimNames(d));
    out = narrowByHint(out, h);
    return out;
  }

  /** The VIN's trim and series names, each split into its listed alternatives, as word sets. */
  private static List<Set<String>> trimNames(DecodedVin d) {
    List<Set<String>> out = new ArrayList<>();
    for (String s : new String[] {d.trim(), d.series()}) {
      if (s == null) {
        continue;
      }
      for (String alt : s.replaceAll("\\([^)]*\\)", " ").toUpperCase(Locale.ROOT).split("[/,]")) {
        Set<String> w = words(alt);
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** Rows holding every word of one of the VIN's trim names; all rows when none does. */
  private static List<CatalogRow> narrowByTrim(List<CatalogRow> rows, List<Set<String>> names) {
    List<CatalogRow> out = new ArrayList<>();
    for (CatalogRow r : rows) {
      Set<String> rowWords = words(r.trim());
      if (names.stream().anyMatch(rowWords::containsAll)) {
        out.add(r);
      }
    }
    return out.isEmpty() ? rows : out;
  }

  /**
   * Hint words that some rows' trims hold and others not select the rows holding the most of them
   * (the hint never rules out every row).
   */
  private static List<CatalogRow> narrowByHint(List<CatalogRow> rows, Hint h) {
    if (rows.size() < 2 || h.tokens().isEmpty()) {
      return rows;
    }
    Set<String> telling = new HashSet<>();
    for (String t : h.tokens()) {
      long holding = rows.stream().filter(r -> words(r.trim()).contains(t)).count();
      if (holding > 0 && holding < rows.size()) {
        telling.add(t);
      }
    }
    if (telling.isEmpty()) {
      return rows;
    }
    int best = 0;
    List<CatalogRow> out = new ArrayList<>();
    for (CatalogRow r : rows) {
      Set<String> w = words(r.trim());
      int n = (int) telling.stream().filter(w::contains).count();
      if (n > best) {
        best = n;
        out.clear();
      }
      if (n == best) {
        out.add(r);
      }
    }
    return out;
  }

  private static Set<String> words(String s) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : s.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")) {
      if (!w.isBlank()) {
        out.add(w);
      }
    }
    return out;
  }

  private static Double rowLitres(CatalogRow r) {
    for (String s : new String[] {r.engine(), r.trim()}) {
      if (s != null) {
        Matcher m = LITRES.matcher(s.toUpperCase(Locale.ROOT));
        if (m.find()) {
          return Double.parseDouble(m.group(1));
        }
      }
    }
    return null;
  }

  private static final Pattern CYLINDERS = Pattern.compile("\\b[IVHW](\\d{1,2})\\b");

  private static Integer rowCylinders(CatalogRow r) {
    Matcher m = CYLINDERS.matcher(r.engine() == null ? "" : r.engine().toUpperCase(Locale.ROOT));
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static Double number(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Math.round(Double.parseDouble(s.trim()) * 10) / 10.0;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** GAS, DIESEL, ELECTRIC, HYBRID, PHEV or FLEX from the VIN first, the hint second; null if neither says. */
  private static String fuel(DecodedVin d, Hint h) {
    String e = d.electrificationLevel() == null ? "" : d.electrificationLevel().toUpperCase(Locale.ROOT);
    String f = d.fuelTypePrimary() == null ? "" : d.fuelTypePrimary().toUpperCase(Locale.ROOT);
    // the trim or series name can say what the fuel fields leave out ("Sport Hybrid")
    String names = ((d.trim() == null ? "" : d.trim()) + " " + (d.series() == null ? "" : d.series()))
        .toUpperCase(Locale.ROOT);
    if (e.contains("PHEV") || e.contains("PLUG-IN") || names.contains("PLUG-IN") || names.contains("PHEV")) {
      return "PHEV";
    }
    if (e.contains("BEV") || e.contains("BATTERY")) {
      return "ELECTRIC";
    }
    if (e.contains("HEV") && !e.contains("MHEV") && !e.contains("MILD")) {
      return "HYBRID";
    }
    if (f.contains("DIESEL")) {
      return "DIESEL";
    }
    if (f.contains("FLEX")) {
      return "FLEX";
    }
    if (f.contains("ELECTRIC") && d.fuelTypeSecondary() == null) {
      return "ELECTRIC";
    }
    if (f.contains("GASOLINE")) {
      return h.has("HYBRID") || names.contains("HYBRID") ? "HYBRID" : "GAS";
    }
    if (h.has("HYBRID")) {
      return "HYBRID";
    }
    if (h.has("DIESEL")) {
      return "DIESEL";
    }
    return null;
  }

  private static boolean fuelAgrees(String vin, String row) {
    return switch (vin) {
      case "GAS", "FLEX" -> row.equals("GAS") || row.equals("FLEX");
      case "HYBRID" -> row.equals("HYBRID") || row.equals("PHEV");
      default -> row.equals(vin);
    };
  }

  private static Set<String> bodies(String bodyClass) {
    String b = bodyClass == null ? "" : bodyClass.toUpperCase(Locale.ROOT);
    Set<String> out = new HashSet<>();
    if (b.contains("CONVERTIBLE") || b.contains("CABRIOLET")) {
      out.add("2D CONVERTIBLE");
    } else if (b.contains("SEDAN")) {
      out.addAll(List.of("4D SEDAN", "2D SEDAN"));
    } else if (b.contains("COUPE")) {
      out.addAll(List.of("2D COUPE", "4D COUPE"));
    } else if (b.contains("HATCHBACK")) {
      out.addAll(List.of("3D HATCHBACK", "5D HATCHBACK", "4D SEDAN"));
    } else if (b.contains("WAGON")) {
      out.addAll(List.of("4D WAGON", "4D SUV"));
    } else if (b.contains("SPORT UTILITY") || b.contains("CROSSOVER")) {
      out.addAll(List.of("4D SUV", "2D SUV", "4D WAGON"));
    } else if (b.contains("PICKUP")) {
      out.addAll(List.of("PICKUP", "CHASSIS CAB"));
    } else if (b.contains("MINIVAN")) {
      out.add("MINIVAN");
    } else if (b.contains("VAN")) {
      out.addAll(List.of("MINIVAN", "CARGO VAN", "PASSENGER VAN"));
    } else if (b.contains("CHASSIS") || b.contains("CAB")) {
      out.addAll(List.of("CHASSIS CAB", "PICKUP"));
    }
    return out;
  }
}
