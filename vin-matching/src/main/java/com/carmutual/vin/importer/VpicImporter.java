package com.carmutual.vin.importer;

import com.carmutual.vin.csv.CsvReader;
import com.carmutual.vin.vpic.Element;
import com.carmutual.vin.vpic.VpicData;
import com.carmutual.vin.vpic.VpicDataFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Builds the service's compact vPIC file from a vPIC export. Repeatable: the same input gives the
 * same file.
 *
 * <pre>
 * java -cp vin-matching.jar com.carmutual.vin.importer.VpicImporter --from DIR --out FILE [--all-types]
 * </pre>
 *
 * <p>Two input layouts are accepted (files may be plain, {@code .gz} or {@code .xz}):
 *
 * <ul>
 *   <li>the extract layout ({@code wmi.csv}, {@code wmi_schema.csv}, {@code patterns.csv}), as in
 *       {@code shared/data/vpic};
 *   <li>NHTSA's table layout: CSV exports (with header rows) of the vPIC database tables {@code
 *       Wmi}, {@code Manufacturer}, {@code Make}, {@code Wmi_Make}, {@code Country}, {@code
 *       VehicleType}, {@code Wmi_VinSchema}, {@code VinSchema}, {@code Pattern}, {@code Element}
 *       and the lookup tables the elements name (for example {@code Model}, {@code BodyStyle}), as
 *       produced by {@code \copy Pattern TO 'Pattern.csv' CSV HEADER} from the PostgreSQL edition
 *       of {@code vPICList_lite}.
 * </ul>
 *
 * <p>Every WMI is kept (maker, make and country decode for any vehicle); schemas and patterns are
 * kept only for WMIs of cars, MPVs, trucks, buses and incomplete vehicles (unless {@code
 * --all-types}), and only for the elements in {@link Element}.
 */
public final class VpicImporter {
  static final Set<String> DECODED_TYPES =
      Set.of("passenger car", "multipurpose passenger vehicle (mpv)", "truck", "bus", "incomplete vehicle");

  private VpicImporter() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = options(args);
    if (!opts.containsKey("--from") || !opts.containsKey("--out")) {
      System.err.println(
          "usage: VpicImporter --from <vPIC export dir> --out <file.bin.gz> [--all-types]");
      System.exit(2);
    }
    Path from = Path.of(opts.get("--from"));
    Path out = Path.of(opts.get("--out"));
    long start = System.nanoTime();
    VpicData data = read(from, opts.containsKey("--all-types"));
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      VpicDataFile.write(data, o);
    }
    long patterns = data.schemas().stream().mapToLong(s -> s.patterns().size()).sum();
    System.out.printf(
        Locale.ROOT,
        "wrote %s: %d WMIs, %d WMI-schema rows, %d schemas, %d patterns, %d bytes in %d ms%n",
        out, data.wmis().size(), data.wmiSchemas().size(), data.schemas().size(), patterns,
        Files.size(out), (System.nanoTime() - start) / 1_000_000);
  }

  /** Reads either layout from {@code dir}. */
  public static VpicData read(Path dir, boolean allTypes) throws IOException {
    if (find(dir, "patterns.csv") != null) {
      return readExtract(dir, allTypes);
    }
    if (find(dir, "Pattern.csv") != null) {
      return VpicTableLayout.read(dir, allTypes);
    }
    throw new IOException(
        dir + " holds neither the extract layout (patterns.csv) nor the table layout (Pattern.csv)");
  }

  static VpicData readExtract(Path dir, boolean allTypes) throws IOException {
    List<VpicData.Wmi> wmis = new ArrayList<>();
    Set<String> decodedWmis = new LinkedHashSet<>();
    forEachRow(dir, "wmi.csv", row -> {
      String code = row.get("wmi").trim().toUpperCase(Locale.ROOT);
      String type = row.get("vehicle_type");
      wmis.add(new VpicData.Wmi(code, row.get("manufacturer").trim(), splitMakes(row.get("makes")),
          row.get("country").trim(), type));
      if (allTypes || DECODED_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
        decodedWmis.add(code);
      }
    });
    List<VpicData.WmiSchema> wmiSchemas = new ArrayList<>();
    Map<Integer, String> schemaNames = new HashMap<>();
    forEachRow(dir, "wmi_schema.csv", row -> {
      String wmi = row.get("wmi").trim().toUpperCase(Locale.ROOT);
      if (!decodedWmis.contains(wmi)) {
        return;
      }
      int id = Integer.parseInt(row.get("schema_id").trim());
      wmiSchemas.add(new VpicData.WmiSchema(wmi, id, year(row.get("year_from"), 1980),
          year(row.get("year_to"), VpicData.WmiSchema.OPEN)));
      schemaNames.put(id, row.get("schema_name").trim());
    });
    Map<Integer, Set<VpicData.Pattern>> patterns = new TreeMap<>();
    forEachRow(dir, "patterns.csv", row -> {
      int id = Integer.parseInt(row.get("schema_id").trim());
      Element e = Element.ofVpicName(row.get("element"));
      String value = row.get("value") == null ? "" : row.get("value").trim();
      if (e == null || value.isEmpty() || !schemaNames.containsKey(id)) {
        return;
      }
      patterns.computeIfAbsent(id, k -> new LinkedHashSet<>())
          .add(new VpicData.Pattern(row.get("keys").trim().toUpperCase(Locale.ROOT), e, value));
    });
    List<VpicData.MakeModel> makeModels = new ArrayList<>();
    Set<String> shared = sharedMakes(wmis);
    if (find(dir, "make_model.csv") != null) {
      forEachRow(dir, "make_model.csv", row -> {
        String make = row.get("make").trim();
        if (shared.contains(make.toLowerCase(Locale.ROOT))) {
          makeModels.add(new VpicData.MakeModel(make, row.get("model").trim()));
        }
      });
    }
    return assemble("vPIC extract " + dir.getFileName(), wmis, wmiSchemas, schemaNames, patterns, makeModels);
  }

  static VpicData assemble(String source, List<VpicData.Wmi> wmis, List<VpicData.WmiSchema> wmiSchemas,
      Map<Integer, String> schemaNames, Map<Integer, Set<VpicData.Pattern>> patterns,
      List<VpicData.MakeModel> makeModels) {
    WmiSupplement.addMissing(wmis);
    List<VpicData.Schema> schemas = new ArrayList<>();
    for (var e : patterns.entrySet()) {
      schemas.add(new VpicData.Schema(e.getKey(), schemaNames.get(e.getKey()), List.copyOf(e.getValue())));
    }
    // schemas without kept patterns decode nothing: drop their WMI rows too
    List<VpicData.WmiSchema> kept = new ArrayList<>();
    for (VpicData.WmiSchema ws : wmiSchemas) {
      if (patterns.containsKey(ws.schemaId())) {
        kept.add(ws);
      }
    }
    return new VpicData(source, wmis, kept, schemas, makeModels);
  }

  /** Makes (lower case) that share a WMI of a decoded vehicle type with another make. */
  static Set<String> sharedMakes(List<VpicData.Wmi> wmis) {
    Set<String> out = new java.util.HashSet<>();
    for (VpicData.Wmi w : wmis) {
      if (w.makes().size() > 1 && DECODED_TYPES.contains(w.vehicleType().toLowerCase(Locale.ROOT))) {
        w.makes().forEach(m -> out.add(m.toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  static List<String> splitMakes(String makes) {
    List<String> out = new ArrayList<>();
    if (makes != null) {
      for (String m : makes.split(",")) {
        if (!m.isBlank()) {
          out.add(m.trim());
        }
      }
    }
    return out;
  }

  private static int year(String s, int fallback) {
    return s == null || s.isBlank() ? fallback : (int) Double.parseDouble(s.trim());
  }

  interface RowHandler {
    void accept(Map<String, String> row) throws IOException;
  }

  /** Calls {@code handler} for each data row of {@code name} (plain, .gz or .xz) keyed by header. */
  static void forEachRow(Path dir, String name, RowHandler handler) throws IOException {
    Path file = find(dir, name);
    if (file == null) {
      throw new IOException("missing " + name + " (or .gz/.xz) in " + dir);
    }
    try (CsvReader csv = new CsvReader(open(file))) {
      List<String> header = csv.next();
      if (header == null) {
        return;
      }
      List<String> keys = new ArrayList<>();
      for (String h : header) {
        keys.add(h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
      }
      List<String> fields;
      while ((fields = csv.next()) != null) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
          row.put(keys.get(i), i < fields.size() ? fields.get(i) : "");
        }
        handler.accept(row);
      }
    }
  }

  static Path find(Path dir, String name) {
    for (String suffix : new String[] {"", ".gz", ".xz"}) {
      Path p = dir.resolve(name + suffix);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static java.io.Reader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    String n = file.getFileName().toString();
    if (n.endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    } else if (n.endsWith(".xz")) {
      in = new XZInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--all-types")) {
        out.put(args[i], "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        out.put(args[i], args[++i]);
      }
    }
    return out;
  }
}
