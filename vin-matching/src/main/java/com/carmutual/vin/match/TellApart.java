package com.carmutual.vin.match;

import com.carmutual.vin.catalog.CatalogRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What would tell the rows that remain apart: each catalog attribute (trim, engine, body, fuel)
 * on which they differ, with the values to choose from, so a person or a better hint can decide.
 */
final class TellApart {
  private TellApart() {}

  static List<String> of(List<CatalogRow> rows) {
    List<String> out = new ArrayList<>();
    if (rows.size() < 2) {
      return out;
    }
    add(out, "trim", rows, CatalogRow::trim);
    add(out, "engine", rows, r -> r.engine() == null ? "not recorded" : r.engine());
    add(out, "body", rows, CatalogRow::bodyStyle);
    add(out, "fuel", rows, CatalogRow::fuel);
    add(out, "model", rows, CatalogRow::model);
    return out;
  }

  private static void add(List<String> out, String name, List<CatalogRow> rows, Function<CatalogRow, String> value) {
    Set<String> values = new LinkedHashSet<>();
    rows.forEach(r -> values.add(value.apply(r)));
    if (values.size() > 1) {
      out.add(name + ": " + String.join(" | ", values));
    }
  }
}
