package com.carmutual.vin.importer;

import com.carmutual.vin.vpic.Element;
import com.carmutual.vin.vpic.VpicData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads NHTSA's vPIC database as CSV exports of its tables (one file per table, header row, as
 * {@code \copy <table> TO '<table>.csv' CSV HEADER} writes them from the PostgreSQL edition of
 * {@code vPICList_lite}). Lookup values are resolved through {@code Element.LookupTable}: a pattern's
 * {@code AttributeId} is the row id in that table, whose {@code Name} is the value; elements without
 * a lookup table keep the attribute text as is.
 */
final class VpicTableLayout {
  private VpicTableLayout() {}

  static VpicData read(Path dir, boolean allTypes) throws IOException {
    Map<String, String> manufacturers = names(dir, "Manufacturer.csv");
    Map<String, String> countries = names(dir, "Country.csv");
    Map<String, String> vehicleTypes = names(dir, "VehicleType.csv");
    Map<String, String> makes = names(dir, "Make.csv");
    Map<String, List<String>> wmiMakes = new HashMap<>();
    if (VpicImporter.find(dir, "Wmi_Make.csv") != null) {
      VpicImporter.forEachRow(dir, "Wmi_Make.csv", r -> wmiMakes
          .computeIfAbsent(r.get("wmiid"), k -> new ArrayList<>())
          .add(makes.getOrDefault(r.get("makeid"), "")));
    }
    List<VpicData.Wmi> wmis = new ArrayList<>();
    Map<String, String> wmiCodeById = new HashMap<>();
    Set<String> decoded = new LinkedHashSet<>();
    VpicImporter.forEachRow(dir, "Wmi.csv", r -> {
      String code = r.get("wmi").trim().toUpperCase(Locale.ROOT);
      String type = vehicleTypes.getOrDefault(r.get("vehicletypeid"), "");
      wmiCodeById.put(r.get("id"), code);
      List<String> mk = wmiMakes.getOrDefault(r.get("id"), List.of());
      if (mk.isEmpty() && r.get("makeid") != null && makes.containsKey(r.get("makeid"))) {
        mk = List.of(makes.get(r.get("makeid")));
      }
      wmis.add(new VpicData.Wmi(code, manufacturers.getOrDefault(r.get("manufacturerid"), ""),
          mk, countries.getOrDefault(r.get("countryid"), ""), type));
      if (allTypes || VpicImporter.DECODED_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
        decoded.add(code);
      }
    });
    Map<Integer, String> schemaNames = new HashMap<>();
    Map<String, String> allSchemaNames = names(dir, "VinSchema.csv");
    List<VpicData.WmiSchema> wmiSchemas = new ArrayList<>();
    VpicImporter.forEachRow(dir, "Wmi_VinSchema.csv", r -> {
      String code = wmiCodeById.get(r.get("wmiid"));
      if (code == null || !decoded.contains(code)) {
        return;
      }
      int id = Integer.parseInt(r.get("vinschemaid").trim());
      wmiSchemas.add(new VpicData.WmiSchema(code, id, year(r.get("yearfrom"), 1980),
          year(r.get("yearto"), VpicData.WmiSchema.OPEN)));
      schemaNames.put(id, allSchemaNames.getOrDefault(String.valueOf(id), "schema " + id));
    });
    Map<String, Element> elementById = new HashMap<>();
    Map<String, String> lookupTableById = new HashMap<>();
    VpicImporter.forEachRow(dir, "Element.csv", r -> {
      Element e = Element.ofVpicName(r.getOrDefault("code", r.get("name")));
      if (e == null) {
        e = Element.ofVpicName(r.get("name"));
      }
      if (e != null) {
        elementById.put(r.get("id"), e);
        String table = r.get("lookuptable");
        if (table != null && !table.isBlank()) {
          lookupTableById.put(r.get("id"), table.trim());
        }
      }
    });
    Map<String, Map<String, String>> lookups = new HashMap<>();
    for (String table : new LinkedHashSet<>(lookupTableById.values())) {
      lookups.put(table, VpicImporter.find(dir, table + ".csv") == null ? Map.of() : names(dir, table + ".csv"));
    }
    Map<Integer, Set<VpicData.Pattern>> patterns = new TreeMap<>();
    VpicImporter.forEachRow(dir, "Pattern.csv", r -> {
      int id = Integer.parseInt(r.get("vinschemaid").trim());
      Element e = elementById.get(r.get("elementid"));
      if (e == null || !schemaNames.containsKey(id)) {
        return;
      }
      String attribute = r.get("attributeid") == null ? "" : r.get("attributeid").trim();
      String table = lookupTableById.get(r.get("elementid"));
      String value = table == null ? attribute : lookups.get(table).getOrDefault(attribute, "");
      if (value.isBlank()) {
        return;
      }
      patterns.computeIfAbsent(id, k -> new LinkedHashSet<>())
          .add(new VpicData.Pattern(r.get("keys").trim().toUpperCase(Locale.ROOT), e, value.trim()));
    });
    Set<String> shared = VpicImporter.sharedMakes(wmis);
    List<VpicData.MakeModel> makeModels = new ArrayList<>();
    if (VpicImporter.find(dir, "Make_Model.csv") != null && VpicImporter.find(dir, "Model.csv") != null) {
      Map<String, String> models = names(dir, "Model.csv");
      VpicImporter.forEachRow(dir, "Make_Model.csv", r -> {
        String make = makes.getOrDefault(r.get("makeid"), "");
        if (shared.contains(make.toLowerCase(Locale.ROOT))) {
          makeModels.add(new VpicData.MakeModel(make, models.getOrDefault(r.get("modelid"), "")));
        }
      });
    }
    return VpicImporter.assemble(
        "vPIC tables " + dir.getFileName(), wmis, wmiSchemas, schemaNames, patterns, makeModels);
  }

  /** Id to Name of a table with {@code Id} and {@code Name} columns; empty when the file is absent. */
  private static Map<String, String> names(Path dir, String file) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (VpicImporter.find(dir, file) == null) {
      return out;
    }
    VpicImporter.forEachRow(dir, file, r -> out.put(r.get("id"), r.getOrDefault("name", "").trim()));
    return out;
  }

  private static int year(String s, int fallback) {
    return s == null || s.isBlank() ? fallback : (int) Double.parseDouble(s.trim());
  }
}
