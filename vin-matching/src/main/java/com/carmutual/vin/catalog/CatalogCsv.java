package com.carmutual.vin.catalog;

import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.vin.csv.CsvReader;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a catalog CSV. Either every row is good and all rows come back, or a 422
 * problem lists every bad row (line number, column, what is wrong): a file is taken whole or not
 * at all.
 */
final class CatalogCsv {
  static final List<String> COLUMNS = List.of("catalog_id", "make", "model", "model_year", "trim",
      "body_style", "engine", "fuel", "msrp_usd", "risk_class");
  static final Set<String> FUELS = Set.of("GAS", "DIESEL", "HYBRID", "ELECTRIC", "FLEX", "PHEV");
  private static final Pattern ID = Pattern.compile("CAT-\\d{6}");
  private static final int MAX_ERRORS = 1000;

  private CatalogCsv() {}

  static List<CatalogRow> parse(String csv) {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<CatalogRow> rows = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(csv == null ? "" : csv))) {
      List<String> header = reader.next();
      if (header == null || header.size() == 1 && header.get(0).isBlank()) {
        throw invalid("The catalog file is empty", List.of(new Problem.FieldError("line 1", "no header row")));
      }
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        col.put(header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = COLUMNS.stream().filter(c -> !col.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw invalid("The header lacks columns " + missing,
            List.of(new Problem.FieldError("line 1", "missing columns " + missing + "; expected " + COLUMNS)));
      }
      Set<String> ids = new HashSet<>();
      Set<String> trims = new HashSet<>();
      long line = reader.line();
      List<String> f;
      while ((f = reader.next()) != null) {
        long at = line;
        line = reader.line();
        if (f.size() == 1 && f.get(0).isBlank()) {
          continue;
        }
        List<String> problems = new ArrayList<>();
        String id = get(f, col, "catalog_id");
        if (!ID.matcher(id).matches()) {
          problems.add("catalog_id '" + id + "' is not CAT- and 6 digits");
        } else if (!ids.add(id)) {
          problems.add("catalog_id " + id + " appears twice");
        }
        String make = required(f, col, "make", problems);
        String model = required(f, col, "model", problems);
        String trim = required(f, col, "trim", problems);
        String body = required(f, col, "body_style", problems);
        Integer year = integer(f, col, "model_year", 1900, 2100, problems);
        Integer msrp = integer(f, col, "msrp_usd", 1, 100_000_000, problems);
        Integer risk = integer(f, col, "risk_class", 1, 9, problems);
        String fuel = get(f, col, "fuel").toUpperCase(Locale.ROOT);
        if (!FUELS.contains(fuel)) {
          problems.add("fuel '" + fuel + "' is not one of " + FUELS);
        }
        String engine = get(f, col, "engine");
        if (problems.isEmpty() && !trims.add((make + "|" + model + "|" + year + "|" + trim).toUpperCase(Locale.ROOT))) {
          problems.add("trim '" + trim + "' appears twice for " + make + " " + model + " " + year);
        }
        if (!problems.isEmpty()) {
          if (errors.size() < MAX_ERRORS) {
            errors.add(new Problem.FieldError("line " + at + (id.isBlank() ? "" : " (" + id + ")"),
                String.join("; ", problems)));
          }
          continue;
        }
        rows.add(new CatalogRow(id, make, model, year, trim, body, engine.isBlank() ? null : engine, fuel, msrp, risk));
      }
    } catch (IOException e) {
      throw invalid("The catalog file is not valid CSV: " + e.getMessage(), List.of());
    }
    if (!errors.isEmpty()) {
      throw invalid(errors.size() + " bad row(s); nothing was changed", errors);
    }
    if (rows.isEmpty()) {
      throw invalid("The catalog file has no rows; nothing was changed", List.of());
    }
    return rows;
  }

  private static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-catalog", detail, errors);
  }

  private static String get(List<String> f, Map<String, Integer> col, String name) {
    int i = col.get(name);
    return i < f.size() ? f.get(i).trim() : "";
  }

  private static String required(List<String> f, Map<String, Integer> col, String name, List<String> problems) {
    String v = get(f, col, name);
    if (v.isEmpty()) {
      problems.add(name + " is empty");
    }
    return v;
  }

  private static Integer integer(List<String> f, Map<String, Integer> col, String name, int min, int max,
      List<String> problems) {
    String v = get(f, col, name);
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        problems.add(name + " " + n + " is outside " + min + ".." + max);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + " '" + v + "' is not a whole number");
      return null;
    }
  }
}
