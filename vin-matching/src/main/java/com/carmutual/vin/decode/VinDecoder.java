package com.carmutual.vin.decode;

import com.carmutual.vin.vpic.Element;
import com.carmutual.vin.vpic.VpicData;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decodes VINs from the in-memory vPIC data: validation, check digit, WMI (3 or 6 characters),
 * model year by region and vehicle type, and vPIC patterns (most specific match wins per element,
 * only schemas whose year range holds the model year). Never does I/O; thread-safe.
 */
@Singleton
public final class VinDecoder {
  private static final Set<String> LIGHT_TYPES =
      Set.of("passenger car", "multipurpose passenger vehicle (mpv)", "truck");

  private final Clock clock;
  private final Map<String, VpicData.Wmi> wmis = new HashMap<>();
  private final Map<String, SchemaRange[]> schemasByWmi = new HashMap<>();
  private final Map<String, List<String>> makesByModel = new HashMap<>();
  /** The one make every known car, MPV or truck WMI with these first two characters names, if one. */
  private final Map<String, VpicData.Wmi> makeByPrefix = new HashMap<>();

  /** One schema of a WMI for years {@code from..to}. */
  private record SchemaRange(int from, int to, int schemaId, String name, LazySchema schema) {
    CompiledPattern[] patterns() {
      return schema.patterns();
    }
  }

  /**
   * A schema's patterns, compiled on first use (or by {@link #precompile}), so start-up only reads
   * the file; a WMI's first decode compiles its schemas once (about a millisecond).
   */
  private static final class LazySchema {
    private final VpicData.Schema raw;
    private volatile CompiledPattern[] compiled;

    LazySchema(VpicData.Schema raw) {
      this.raw = raw;
    }

    CompiledPattern[] patterns() {
      CompiledPattern[] c = compiled;
      if (c == null) {
        List<VpicData.Pattern> ps = raw.patterns();
        List<CompiledPattern> out = new ArrayList<>(ps.size());
        for (VpicData.Pattern p : ps) {
          CompiledPattern cp = CompiledPattern.compile(raw.id(), p.keys(), p.element(), p.value());
          if (cp != null) {
            out.add(cp);
          }
        }
        c = out.toArray(new CompiledPattern[0]);
        compiled = c;
      }
      return c;
    }
  }

  private final List<LazySchema> allSchemas = new ArrayList<>();

  /** A winning pattern for one element. */
  private record Hit(CompiledPattern pattern, String schemaName) {}

  public VinDecoder(VpicData data, Clock clock) {
    this.clock = clock;
    for (VpicData.Wmi w : data.wmis()) {
      wmis.put(w.code(), w);
    }
    Map<Integer, VpicData.Schema> schemas = new HashMap<>();
    data.schemas().forEach(s -> schemas.put(s.id(), s));
    Map<Integer, LazySchema> lazy = new HashMap<>();
    Map<String, List<SchemaRange>> byWmi = new HashMap<>();
    for (VpicData.WmiSchema ws : data.wmiSchemas()) {
      VpicData.Schema s = schemas.get(ws.schemaId());
      if (s == null) {
        continue;
      }
      LazySchema schema = lazy.computeIfAbsent(s.id(), id -> {
        LazySchema l = new LazySchema(s);
        allSchemas.add(l);
        return l;
      });
      byWmi.computeIfAbsent(ws.wmi(), k -> new ArrayList<>())
          .add(new SchemaRange(ws.yearFrom(), ws.yearTo(), s.id(), s.name(), schema));
    }
    // narrower year ranges first: a schema made for one model year is more specific than a common one
    Comparator<SchemaRange> order = Comparator.comparingInt((SchemaRange r) -> r.to() - r.from())
        .thenComparingInt(SchemaRange::schemaId);
    byWmi.forEach((k, v) -> {
      v.sort(order);
      schemasByWmi.put(k, v.toArray(SchemaRange[]::new));
    });
    Map<String, java.util.Set<String>> prefixMakes = new HashMap<>();
    Map<String, VpicData.Wmi> prefixExample = new HashMap<>();
    for (VpicData.Wmi w : data.wmis()) {
      if (w.code().length() == 3 && w.vehicleType() != null
          && LIGHT_TYPES.contains(w.vehicleType().toLowerCase(Locale.ROOT)) && !w.makes().isEmpty()) {
        String prefix = w.code().substring(0, 2);
        prefixMakes.computeIfAbsent(prefix, k -> new java.util.HashSet<>())
            .addAll(w.makes().stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
        prefixExample.putIfAbsent(prefix, w);
      }
    }
    prefixMakes.forEach((prefix, makes) -> {
      VpicData.Wmi w = prefixExample.get(prefix);
      if (makes.size() == 1 && w.makes().size() == 1) {
        makeByPrefix.put(prefix, w);
      }
    });
    for (VpicData.MakeModel mm : data.makeModels()) {
      makesByModel.computeIfAbsent(mm.model().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(mm.make());
    }
  }

  /** Compiles every schema now (called off the request path after start-up); idempotent. */
  public void precompile() {
    for (LazySchema s : allSchemas) {
      s.patterns();
    }
  }

  /** Decodes {@code text}; throws {@link InvalidVinException} when it is not a well-formed VIN. */
  public DecodedVin decode(String text) {
    String vin = VinText.normalise(text);
    List<String> warnings = new ArrayList<>();
    Map<String, Source> sources = new LinkedHashMap<>();
    double confidence = 1.0;

    Region region = Region.of(vin.charAt(0));
    char expected = CheckDigit.expected(vin);
    boolean checkOk = expected == vin.charAt(8);
    String checkDigit;
    boolean valid = true;
    if (checkOk) {
      checkDigit = "valid";
    } else if (region == Region.NORTH_AMERICA) {
      checkDigit = "invalid";
      valid = false;
      confidence *= 0.4;
      warnings.add("check digit (position 9) is '" + vin.charAt(8) + "' but should be '" + expected
          + "': the VIN is mistyped or altered");
    } else if (vin.charAt(0) == 'L') {
      checkDigit = "invalid";
      confidence *= 0.7;
      warnings.add("check digit (position 9) is '" + vin.charAt(8) + "', expected '" + expected
          + "' (mandatory for China); decoded anyway");
    } else {
      checkDigit = "not_applicable";
      confidence *= 0.85;
      warnings.add("no check digit: position 9 is not a 49 CFR 565 check digit, usual outside North America");
    }
    sources.put("checkDigit", Source.rule("49 CFR 565.15(c): position 9 '" + vin.charAt(8) + "', computed '" + expected + "'"));
    sources.put("region", Source.rule("ISO 3780: position 1 '" + vin.charAt(0) + "'"));
    // a VIN that passes the check follows the North American rules, whatever its country
    boolean northAmericanRules = region == Region.NORTH_AMERICA || checkOk;

    String wmiCode = vin.substring(0, 3);
    VpicData.Wmi wmi = null;
    if (vin.charAt(2) == '9') {
      String six = wmiCode + vin.substring(11, 14);
      wmi = wmis.get(six);
      if (wmi != null) {
        wmiCode = six;
        sources.put("wmi", Source.rule("position 3 is '9': low-volume maker, WMI = positions 1-3 + 12-14"));
      }
    }
    if (wmi == null) {
      wmi = wmis.get(wmiCode);
    }
    VpicData.Wmi sameMaker = null;
    if (wmi == null) {
      sameMaker = makeByPrefix.get(wmiCode.substring(0, 2));
      confidence *= 0.5;
      warnings.add("WMI " + wmiCode + " is not in vPIC: " + (sameMaker == null ? "maker unknown"
          : "make " + sameMaker.makes().get(0) + " from the WMIs starting " + wmiCode.substring(0, 2)
              + ", which all name it"));
    }
    String vehicleType = wmi == null ? null : blankToNull(wmi.vehicleType());
    SchemaRange[] ranges = schemasByWmi.getOrDefault(wmiCode, new SchemaRange[0]);

    // model year
    int latest = clock.instant().atZone(ZoneOffset.UTC).getYear() + 1;
    char yearCode = vin.charAt(9);
    List<Integer> candidates = ModelYears.candidates(yearCode, latest);
    Integer year = null;
    EnumMap<Element, Hit> hits = null;
    if (candidates.isEmpty()) {
      confidence *= 0.7;
      warnings.add("position 10 '" + yearCode + "' is not a model-year code: model year unknown");
      sources.put("modelYear", Source.rule("position 10 '" + yearCode + "' is no model-year code"));
    } else if (candidates.size() == 1) {
      year = candidates.get(0);
      sources.put("modelYear", Source.rule("position 10 '" + yearCode + "' = " + year
          + "; " + (year + 30) + " would be more than one year ahead"));
    } else {
      boolean digit7 = Character.isDigit(vin.charAt(6));
      int ruleYear = digit7 ? candidates.get(0) : candidates.get(1);
      boolean light = vehicleType == null || LIGHT_TYPES.contains(vehicleType.toLowerCase(Locale.ROOT));
      EnumMap<Element, Hit> first = match(vin, ranges, candidates.get(0));
      EnumMap<Element, Hit> second = match(vin, ranges, candidates.get(1));
      boolean m1 = first.containsKey(Element.MODEL);
      boolean m2 = second.containsKey(Element.MODEL);
      boolean truck = "truck".equalsIgnoreCase(vehicleType);
      if (northAmericanRules && light && !(truck && m1 != m2 && (ruleYear == candidates.get(0) ? !m1 : !m2))) {
        year = ruleYear;
        sources.put("modelYear", Source.rule("position 10 '" + yearCode + "' with position 7 a "
            + (digit7 ? "digit: 1980-2009 cycle" : "letter: 2010-2039 cycle")
            + " (North American car, MPV or light truck)"));
      } else if (m1 != m2) {
        year = m1 ? candidates.get(0) : candidates.get(1);
        confidence *= 0.9;
        sources.put("modelYear", Source.rule("position 10 '" + yearCode + "' = " + candidates
            + "; only " + year + " has vPIC schemas that decode this VIN"));
      } else if (northAmericanRules) {
        year = ruleYear;
        confidence *= 0.7;
        warnings.add("model year " + year + " taken from the position-7 rule, which does not always hold for "
            + (vehicleType == null ? "this vehicle" : vehicleType.toLowerCase(Locale.ROOT)) + "s; also possible: "
            + (ruleYear == candidates.get(0) ? candidates.get(1) : candidates.get(0)));
        sources.put("modelYear", Source.rule("position 10 '" + yearCode + "' with the position-7 rule (tie-break)"));
      } else {
        year = candidates.get(1);
        confidence *= 0.75;
        warnings.add("model year ambiguous (" + candidates + "): the position-7 rule does not apply outside "
            + "North America; took the most recent year not in the future");
        sources.put("modelYear", Source.rule("position 10 '" + yearCode + "' = " + candidates
            + "; most recent year not more than one year ahead"));
      }
      hits = year.equals(candidates.get(0)) ? first : second;
    }
    if (hits == null) {
      hits = match(vin, ranges, year);
      if (year == null && !hits.isEmpty()) {
        warnings.add("model year unknown: attributes taken from the WMI's schemas of every year");
      }
    }
    int filler = fillerPositions(vin, checkOk);
    if (filler != 0 && !hits.containsKey(Element.MODEL)) {
      EnumMap<Element, Hit> relaxed = match(vin, ranges, year, filler);
      if (relaxed.containsKey(Element.MODEL)) {
        // only the model (and plant, from position 11) is trusted: trims and engines hang on the filled positions
        relaxed.keySet().retainAll(java.util.EnumSet.of(
            Element.MODEL, Element.PLANT_CITY, Element.PLANT_STATE, Element.PLANT_COUNTRY));
        hits.putAll(relaxed);
        confidence *= 0.8;
        warnings.add("positions 4-6 hold the European filler 'Z': decoded from the other positions only");
      }
    }
    if (year != null && ranges.length > 0 && hits.isEmpty()) {
      warnings.add("no vPIC schema pattern of WMI " + wmiCode + " matches this VIN for " + year);
    }

    Map<Element, String> values = new EnumMap<>(Element.class);
    for (var e : hits.entrySet()) {
      Hit h = e.getValue();
      values.put(e.getKey(), h.pattern().value);
      sources.put(attributeName(e.getKey()), new Source("pattern", h.schemaName(), h.pattern().schemaId, h.pattern().keys));
    }
    String model = values.get(Element.MODEL);
    if (model == null) {
      confidence *= 0.8;
    }
    String make = null;
    if (wmi != null) {
      sources.put("manufacturer", Source.wmi(wmiCode));
      sources.put("vehicleType", Source.wmi(wmiCode));
      sources.put("country", Source.wmi(wmiCode));
      make = pickMake(wmi, model);
      if (make != null && wmi.makes().isEmpty()) {
        sources.put("make", Source.rule("WMI " + wmiCode + " has no make in vPIC: the manufacturer's name, '"
            + wmi.manufacturer() + "'"));
      } else if (make != null) {
        sources.put("make", wmi.makes().size() > 1 && model != null
            ? Source.rule("WMI " + wmiCode + " makes " + wmi.makes() + ": the one vPIC lists model '" + model + "' under")
            : Source.wmi(wmiCode));
      }
    } else if (sameMaker != null) {
      make = sameMaker.makes().get(0);
      sources.put("make", Source.rule("WMI " + wmiCode + " unknown; every known car, MPV and truck WMI starting '"
          + wmiCode.substring(0, 2) + "' is " + make + " (e.g. " + sameMaker.code() + ")"));
    }
    return new DecodedVin(vin, valid, checkDigit, wmiCode,
        wmi == null ? null : wmi.manufacturer(), make, model, year, List.copyOf(candidates), vehicleType,
        values.get(Element.BODY_CLASS), values.get(Element.SERIES), values.get(Element.TRIM),
        values.get(Element.DOORS), values.get(Element.DISPLACEMENT_L), values.get(Element.ENGINE_CYLINDERS),
        values.get(Element.ENGINE_MODEL), values.get(Element.ENGINE_CONFIGURATION),
        values.get(Element.FUEL_TYPE_PRIMARY), values.get(Element.FUEL_TYPE_SECONDARY), values.get(Element.TURBO),
        values.get(Element.ELECTRIFICATION_LEVEL), values.get(Element.OTHER_ENGINE_INFO), values.get(Element.GVWR),
        values.get(Element.DRIVE_TYPE), values.get(Element.PLANT_CITY), values.get(Element.PLANT_STATE),
        values.get(Element.PLANT_COUNTRY), region.label(), wmi == null ? null : blankToNull(wmi.country()),
        List.copyOf(warnings), Math.round(confidence * 100) / 100.0, sources);
  }

  /**
   * The most specific matching pattern per element over the WMI's schemas for {@code year}. Equal
   * specificity across schemas (the F-150 and F-550 schemas both match {@code 1FTFW5L8...} with
   * three positions) goes to the schema that explains more of the VIN: more elements matched by
   * non-wildcard patterns. A schema built for this model only keeps agreeing (series, engine,
   * body); a sibling's schema matches one stray pattern.
   */
  private static EnumMap<Element, Hit> match(String vin, SchemaRange[] ranges, Integer year) {
    return match(vin, ranges, year, 0);
  }

  /**
   * As above, ignoring the VIN indexes in {@code ignored}: European makers fill unused VDS
   * positions with {@code Z} ({@code WVWZZZ1KZ...}); a pattern is then judged on the positions
   * that carry information, and one that only constrains filler positions is no evidence.
   */
  private static EnumMap<Element, Hit> match(String vin, SchemaRange[] ranges, Integer year, int ignored) {
    EnumMap<Element, Hit> best = new EnumMap<>(Element.class);
    int[] bestEvidence = new int[Element.values().length];
    int[] bestSpecificity = new int[Element.values().length];
    CompiledPattern[] matched = new CompiledPattern[64];
    int[] specificity = new int[64];
    for (SchemaRange r : ranges) {
      if (year != null && (year < r.from() || year > r.to())) {
        continue;
      }
      int n = 0;
      long elements = 0;
      for (CompiledPattern p : r.patterns()) {
        int s;
        if (ignored == 0) {
          s = p.matches(vin) ? p.specificity : -1;
        } else {
          s = p.matchIgnoring(vin, ignored);
          if (s == 0 && p.specificity > 0) {
            s = -1;
          }
        }
        if (s >= 0) {
          if (n == matched.length) {
            matched = java.util.Arrays.copyOf(matched, n * 2);
            specificity = java.util.Arrays.copyOf(specificity, n * 2);
          }
          specificity[n] = s;
          matched[n++] = p;
          if (s > 0) {
            elements |= 1L << p.element.ordinal();
          }
        }
      }
      int evidence = Long.bitCount(elements);
      for (int i = 0; i < n; i++) {
        CompiledPattern p = matched[i];
        int e = p.element.ordinal();
        Hit current = best.get(p.element);
        if (current == null
            || specificity[i] > bestSpecificity[e]
            || (specificity[i] == bestSpecificity[e] && evidence > bestEvidence[e])) {
          best.put(p.element, new Hit(p, r.name()));
          bestEvidence[e] = evidence;
          bestSpecificity[e] = specificity[i];
        }
      }
    }
    return best;
  }

  /** VIN indexes 3-5 that hold the filler {@code Z} of a VIN without check digit, as a bit set. */
  private static int fillerPositions(String vin, boolean checkOk) {
    if (checkOk) {
      return 0;
    }
    int mask = 0;
    for (int i = 3; i <= 5; i++) {
      if (vin.charAt(i) == 'Z') {
        mask |= 1 << i;
      }
    }
    return Integer.bitCount(mask) >= 2 ? mask : 0;
  }

  private String pickMake(VpicData.Wmi wmi, String model) {
    if (wmi.makes().isEmpty()) {
      return makeFromManufacturer(wmi.manufacturer());
    }
    if (wmi.makes().size() > 1 && model != null) {
      List<String> makes = makesByModel.getOrDefault(model.toLowerCase(Locale.ROOT), List.of());
      for (String m : wmi.makes()) {
        for (String candidate : makes) {
          if (candidate.equalsIgnoreCase(m)) {
            return m;
          }
        }
      }
    }
    // no model to tell them apart: the make named in the manufacturer ("RENAULT GROUP" -> Renault)
    String maker = wmi.manufacturer() == null ? "" : wmi.manufacturer().toLowerCase(Locale.ROOT);
    for (String m : wmi.makes()) {
      if (maker.contains(m.toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    return wmi.makes().get(0);
  }

  private static final Set<String> CORPORATE_WORDS = Set.of("MOTOR", "MOTORS", "COMPANY", "CO", "LIMITED", "LTD",
      "INC", "CORPORATION", "CORP", "GROUP", "AUTOMOBILES", "AUTOMOBILE", "CARS", "CAR", "SA", "S", "A", "AG", "GMBH",
      "SPA", "LLC", "PLC", "AB", "NV", "BV", "THE", "OF", "MANUFACTURING", "INTERNATIONAL");

  /**
   * A WMI vPIC lists without a make ({@code MORGAN MOTOR COMPANY LIMITED}): the manufacturer's name
   * without its corporate words, in title case ({@code Morgan}), or null when nothing is left.
   */
  static String makeFromManufacturer(String manufacturer) {
    if (manufacturer == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String w : manufacturer.toUpperCase(Locale.ROOT).split("[^A-Z0-9&-]+")) {
      if (!w.isEmpty() && !CORPORATE_WORDS.contains(w)) {
        words.add(w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }

  private static String attributeName(Element e) {
    String n = e.vpicName();
    if (n.equals(n.toUpperCase(Locale.ROOT))) {
      return n.toLowerCase(Locale.ROOT);
    }
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
