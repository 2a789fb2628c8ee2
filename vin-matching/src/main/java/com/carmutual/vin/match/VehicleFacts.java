package com.carmutual.vin.match;

import com.carmutual.vin.decode.DecodedVin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is known about the vehicle for matching, from the decoded VIN first and the hint second (the
 * VIN wins where both speak), in catalog terms.
 *
 * @param makes catalog makes that can hold this vehicle (Dodge Ram trucks from 2011 are make RAM)
 * @param modelKeys normalised model names the VIN decodes to, best first
 * @param modelRuns the same names as {@link Names#runs} (parts in any order)
 * @param fuel catalog fuel the evidence points to, or null
 * @param bodies catalog body styles the decoded body class allows, empty when unknown
 * @param trimAlternatives word sets of the VIN's trim and series, one per listed alternative
 * @param hintTokens words of the hint (with synonyms)
 */
@Serdeable
record VehicleFacts(
    Set<String> makes,
    @Nullable Integer year,
    List<String> modelKeys,
    Set<String> modelRuns,
    @Nullable Double displacement,
    @Nullable String fuel,
    boolean hybrid,
    Set<String> bodies,
    @Nullable Integer doors,
    boolean heavyDuty,
    @Nullable Integer cylinders,
    List<Set<String>> trimAlternatives,
    Set<String> hintTokens,
    String hintCompact,
    List<String> notes) {

  private static final Pattern GVWR_CLASS = Pattern.compile("Class (\\d)([A-J]?)");

  static VehicleFacts of(DecodedVin d, Hint hint) {
    List<String> notes = new ArrayList<>();
    Set<String> makes = new LinkedHashSet<>();
    String make = Names.make(d.make());
    String model = d.model();
    if (make == null) {
      for (String t : hint.tokens()) {
        String m = Names.make(t);
        if (!m.equals(t) || t.length() > 3) {
          makes.add(m);
        }
      }
    } else {
      makes.add(make);
    }
    if (model != null && Names.key(model).startsWith("RAM") && (make == null || make.equals("DODGE") || make.equals("RAM"))) {
      makes.add("RAM");
      makes.add("DODGE");
    }
    if (model != null && Names.key(model).startsWith("SCION")) {
      makes.add("SCION");
    }
    Integer year = d.modelYear();
    if (year == null && hint.year() != null) {
      year = hint.year();
      notes.add("model year " + year + " from the hint (the VIN does not tell it)");
    } else if (year != null && hint.year() != null && !year.equals(hint.year())) {
      notes.add("hint year " + hint.year() + " ignored: the VIN says " + year);
    }

    List<String> keys = new ArrayList<>();
    Set<String> runs = new LinkedHashSet<>();
    if (model != null) {
      for (String alt : Names.stripParens(model).split("/")) {
        String m = withoutBodyWord(alt);
        runs.add(Names.runs(m));
        if (d.series() != null) {
          runs.add(Names.runs(m + " " + Names.stripParens(d.series())));
        }
      }
      String series = Names.stripParens(d.series());
      String trim = d.trim();
      for (String alt : Names.stripParens(model).split("/")) {
        String k = Names.key(withoutBodyWord(alt));
        if (k.startsWith("SCION")) {
          k = k.substring(5);
        }
        k = Names.MODEL_ALIASES.getOrDefault(k, k);
        if (series != null) {
          add(keys, k + Names.key(firstWord(series)));
          // BMW: series "4-Series" + model "430i" is the catalog's "4-SERIES 430I"
          add(keys, Names.key(firstWord(series)) + k);
        }
        if (trim != null) {
          for (String t : trim.split("[/,]")) {
            add(keys, k + Names.key(firstWord(t)));
            add(keys, k + Names.key(t));
          }
        }
        add(keys, k);
        if (k.equals("RAM") && series != null) {
          add(keys, Names.key(firstWord(series)));
        }
      }
      // weaker spellings last: the class of a lettered model number, the initials of a long name
      for (String alt : Names.stripParens(model).split("/")) {
        String k = Names.key(withoutBodyWord(alt));
        String family = Names.classFamily(k);
        if (family != null) {
          add(keys, family);
        }
        String initials = Names.initials(withoutBodyWord(alt));
        if (initials != null) {
          add(keys, initials);
        }
      }
      if (trim != null && Names.classFamily(Names.key(firstWord(trim))) != null) {
        add(keys, Names.classFamily(Names.key(firstWord(trim))));
      }
    }

    Double displacement = null;
    if (d.displacementL() != null) {
      try {
        displacement = Math.round(Double.parseDouble(d.displacementL()) * 10) / 10.0;
      } catch (NumberFormatException e) {
        displacement = null;
      }
    }
    if (displacement == null && hint.displacement() != null) {
      displacement = hint.displacement();
    }

    String fuel = fuel(d);
    String allTrim = ((d.trim() == null ? "" : d.trim()) + " " + (d.series() == null ? "" : d.series()))
        .toUpperCase(Locale.ROOT);
    if (fuel == null || "GAS".equals(fuel)) {
      if (allTrim.contains("PHEV") || allTrim.contains("PLUG-IN") || hint.has("PHEV")) {
        fuel = "PHEV";
      }
    }
    boolean hybrid = "HYBRID".equals(fuel) || "PHEV".equals(fuel) || allTrim.contains("HYBRID") || hint.has("HYBRID");
    if (fuel == null && (hint.has("DIESEL") || hint.has("POWERSTROKE") || hint.has("DURAMAX") || hint.has("CUMMINS")
        || hint.has("TDI"))) {
      fuel = "DIESEL";
    }
    if (fuel == null && (hint.has("EV") || hint.has("ELECTRIC"))) {
      fuel = "ELECTRIC";
    }

    List<Set<String>> alternatives = new ArrayList<>();
    // without a model year the decoder read schemas of every year: trim words are not evidence then
    String[] trimSources = d.modelYear() == null ? new String[0] : new String[] {d.trim(), Names.stripParens(d.series())};
    for (String s : trimSources) {
      if (s != null) {
        for (String alt : s.toUpperCase(Locale.ROOT).split("[/,]")) {
          Set<String> words = new LinkedHashSet<>();
          for (String t : alt.split("[^A-Z0-9]+")) {
            if (!t.isBlank()) {
              words.add(t);
            }
          }
          if (!words.isEmpty()) {
            alternatives.add(words);
          }
        }
      }
    }
    Set<String> tokens = new LinkedHashSet<>(hint.tokens());
    synonyms(tokens);
    Integer cylinders = null;
    try {
      cylinders = d.engineCylinders() == null ? null : Integer.valueOf(d.engineCylinders().trim());
    } catch (NumberFormatException e) {
      cylinders = null;
    }
    boolean heavy = false;
    if (d.gvwr() != null) {
      Matcher m = GVWR_CLASS.matcher(d.gvwr());
      if (m.find()) {
        int cls = Integer.parseInt(m.group(1));
        heavy = cls >= 3 || (cls == 2 && m.group(2).compareTo("H") >= 0);
      }
    }
    Integer doors = null;
    if (d.doors() != null) {
      try {
        doors = Integer.parseInt(d.doors().trim());
      } catch (NumberFormatException e) {
        doors = null;
      }
    }
    return new VehicleFacts(makes, year, keys, runs, displacement, fuel, hybrid, bodies(d.bodyClass(), hint), doors, heavy,
        cylinders, alternatives, tokens, hint.compact(), notes);
  }

  /** vPIC sometimes appends the body type to the model ({@code Kicks MPV}); the catalog never does. */
  private static String withoutBodyWord(String model) {
    String m = model.trim();
    String upper = m.toUpperCase(Locale.ROOT);
    for (String body : BODY_WORDS) {
      if (upper.endsWith(" " + body)) {
        return m.substring(0, m.length() - body.length() - 1).trim();
      }
    }
    return m;
  }

  private static final List<String> BODY_WORDS = List.of("MPV", "SUV", "CUV");

  private static void add(List<String> keys, String k) {
    if (k.length() >= 1 && !keys.contains(k)) {
      keys.add(k);
    }
  }

  private static String firstWord(String s) {
    String t = s.trim();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  private static void synonyms(Set<String> t) {
    if (t.contains("4X4") || t.contains("4WD")) {
      t.add("4X4");
      t.add("4WD");
    }
    if (t.contains("QUATTRO") || t.contains("4MATIC") || t.contains("XDRIVE") || t.contains("AWD")) {
      t.add("AWD");
    }
    if (t.contains("POWERSTROKE") || t.contains("DURAMAX") || t.contains("CUMMINS")) {
      t.add("DIESEL");
    }
    if (t.contains("SUPERCREW") || t.contains("CREW")) {
      t.add("SUPERCREW");
      t.add("CREW");
    }
  }

  static String fuel(DecodedVin d) {
    String e = d.electrificationLevel() == null ? "" : d.electrificationLevel().toUpperCase(Locale.ROOT);
    if (e.contains("PHEV")) {
      return "PHEV";
    }
    if (e.contains("BEV")) {
      return "ELECTRIC";
    }
    if (e.contains("HEV")) {
      return "HYBRID";
    }
    String f = d.fuelTypePrimary() == null ? "" : d.fuelTypePrimary().toUpperCase(Locale.ROOT);
    String s = d.fuelTypeSecondary() == null ? "" : d.fuelTypeSecondary().toUpperCase(Locale.ROOT);
    if (f.contains("FLEX") || s.contains("ETHANOL") || s.contains("E85")) {
      return "FLEX";
    }
    if (f.contains("DIESEL")) {
      return "DIESEL";
    }
    if (f.contains("ELECTRIC") && s.isEmpty()) {
      return "ELECTRIC";
    }
    if (f.contains("GASOLINE")) {
      return "GAS";
    }
    return null;
  }

  private static Set<String> bodies(String bodyClass, Hint hint) {
    Set<String> out = new LinkedHashSet<>();
    String b = bodyClass == null ? "" : bodyClass.toUpperCase(Locale.ROOT);
    if (b.contains("SEDAN")) {
      out.addAll(List.of("4D SEDAN", "2D SEDAN"));
    } else if (b.contains("CONVERTIBLE")) {
      out.add("2D CONVERTIBLE");
    } else if (b.contains("COUPE")) {
      out.addAll(List.of("2D COUPE", "4D COUPE"));
    } else if (b.contains("HATCHBACK")) {
      out.addAll(List.of("3D HATCHBACK", "5D HATCHBACK", "4D SEDAN"));
    } else if (b.contains("WAGON")) {
      out.addAll(List.of("4D WAGON", "4D SUV"));
    } else if (b.contains("SPORT UTILITY") || b.contains("CROSSOVER")) {
      out.addAll(List.of("4D SUV", "2D SUV"));
    } else if (b.contains("PICKUP")) {
      out.addAll(List.of("PICKUP", "CHASSIS CAB"));
    } else if (b.contains("MINIVAN")) {
      out.add("MINIVAN");
    } else if (b.contains("VAN")) {
      out.addAll(List.of("MINIVAN", "CARGO VAN", "PASSENGER VAN"));
    } else if (b.contains("CHASSIS")) {
      out.addAll(List.of("CHASSIS CAB", "PICKUP"));
    }
    if (out.isEmpty()) {
      if (hint.has("SEDAN")) {
        out.addAll(List.of("4D SEDAN", "2D SEDAN"));
      } else if (hint.has("COUPE")) {
        out.addAll(List.of("2D COUPE", "4D COUPE"));
      } else if (hint.has("CONVERTIBLE") || hint.has("CABRIOLET")) {
        out.add("2D CONVERTIBLE");
      } else if (hint.has("HATCHBACK") || hint.has("HATCH")) {
        out.addAll(List.of("3D HATCHBACK", "5D HATCHBACK"));
      }
    }
    return out;
  }
}
