package com.carmutual.vin.vpic;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The service's compact vPIC file: gzip over a binary layout with one string table, so that
 * repeated values (models, plants, keys) are stored once and loading is a single sequential read.
 *
 * <p>Layout (all big-endian; strings as an int byte length and UTF-8): magic {@code VPIC}, version, source, the
 * string table, WMIs (code, manufacturer, makes joined by {@code |}, country, vehicle type as string
 * indexes), WMI-schema rows (wmi index, schema id, first and last year), schemas (id, name index,
 * patterns as keys index, element ordinal, value index).
 */
public final class VpicDataFile {
  private static final int MAGIC = 0x56504943;
  private static final int VERSION = 2;

  private VpicDataFile() {}

  /** Writes {@code data} gzip-compressed to {@code out} (which is closed). */
  public static void write(VpicData data, OutputStream out) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    List<String> table = new ArrayList<>();
    java.util.function.ToIntFunction<String> id =
        s -> index.computeIfAbsent(s == null ? "" : s, k -> {
          table.add(k);
          return table.size() - 1;
        });
    int wmiCount = data.wmis().size();
    int[][] wmiRefs = new int[wmiCount][];
    for (int i = 0; i < wmiCount; i++) {
      VpicData.Wmi w = data.wmis().get(i);
      wmiRefs[i] = new int[] {
        id.applyAsInt(w.code()), id.applyAsInt(w.manufacturer()),
        id.applyAsInt(String.join("|", w.makes())), id.applyAsInt(w.country()),
        id.applyAsInt(w.vehicleType())
      };
    }
    int[] mmRefs = new int[data.makeModels().size() * 2];
    for (int i = 0; i < data.makeModels().size(); i++) {
      mmRefs[2 * i] = id.applyAsInt(data.makeModels().get(i).make());
      mmRefs[2 * i + 1] = id.applyAsInt(data.makeModels().get(i).model());
    }
    int[] wsRefs = data.wmiSchemas().stream().mapToInt(ws -> id.applyAsInt(ws.wmi())).toArray();
    List<int[]> schemaRefs = new ArrayList<>();
    for (VpicData.Schema s : data.schemas()) {
      int[] refs = new int[2 + s.patterns().size() * 2];
      refs[0] = id.applyAsInt(s.name());
      int k = 2;
      for (VpicData.Pattern p : s.patterns()) {
        refs[k++] = id.applyAsInt(p.keys());
        refs[k++] = id.applyAsInt(p.value());
      }
      schemaRefs.add(refs);
    }
    try (DataOutputStream o =
        new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out, 1 << 16), 1 << 16))) {
      o.writeInt(MAGIC);
      o.writeInt(VERSION);
      writeString(o, data.source());
      o.writeInt(table.size());
      for (String s : table) {
        writeString(o, s);
      }
      o.writeInt(wmiCount);
      for (int[] r : wmiRefs) {
        for (int v : r) {
          o.writeInt(v);
        }
      }
      o.writeInt(wsRefs.length);
      for (int i = 0; i < wsRefs.length; i++) {
        VpicData.WmiSchema ws = data.wmiSchemas().get(i);
        o.writeInt(wsRefs[i]);
        o.writeInt(ws.schemaId());
        o.writeShort(ws.yearFrom());
        o.writeShort(ws.yearTo());
      }
      o.writeInt(data.makeModels().size());
      for (int v : mmRefs) {
        o.writeInt(v);
      }
      o.writeInt(data.schemas().size());
      for (int i = 0; i < data.schemas().size(); i++) {
        VpicData.Schema s = data.schemas().get(i);
        int[] refs = schemaRefs.get(i);
        o.writeInt(s.id());
        o.writeInt(refs[0]);
        o.writeInt(s.patterns().size());
        int k = 2;
        for (VpicData.Pattern p : s.patterns()) {
          o.writeInt(refs[k++]);
          o.writeByte(p.element().ordinal());
          o.writeInt(refs[k++]);
        }
      }
    }
  }

  private static void writeString(DataOutputStream o, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.writeInt(b.length);
    o.write(b);
  }

  /**
   * Reads a file written by {@link #write}; fails clearly on anything else. The whole inflated file
   * is read into one array and parsed with a {@link ByteBuffer}: no per-value stream calls.
   */
  public static VpicData read(InputStream in) throws IOException {
    byte[] bytes;
    try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
      bytes = gz.readAllBytes();
    }
    ByteBuffer d = ByteBuffer.wrap(bytes);
    try {
      if (d.getInt() != MAGIC) {
        throw new IOException("not a vPIC data file (bad magic)");
      }
      int version = d.getInt();
      if (version != VERSION) {
        throw new IOException("unsupported vPIC data file version " + version + "; rebuild it with VpicImporter");
      }
      String source = readString(d, bytes);
      String[] table = new String[d.getInt()];
      for (int i = 0; i < table.length; i++) {
        table[i] = readString(d, bytes);
      }
      int wmiCount = d.getInt();
      List<VpicData.Wmi> wmis = new ArrayList<>(wmiCount);
      for (int i = 0; i < wmiCount; i++) {
        String code = table[d.getInt()];
        String manufacturer = table[d.getInt()];
        String makes = table[d.getInt()];
        String country = table[d.getInt()];
        String type = table[d.getInt()];
        wmis.add(new VpicData.Wmi(code, manufacturer,
            makes.isEmpty() ? List.of() : List.of(makes.split("\\|")), country, type));
      }
      int wsCount = d.getInt();
      List<VpicData.WmiSchema> ws = new ArrayList<>(wsCount);
      for (int i = 0; i < wsCount; i++) {
        String wmi = table[d.getInt()];
        int schemaId = d.getInt();
        int from = d.getShort();
        int to = d.getShort();
        ws.add(new VpicData.WmiSchema(wmi, schemaId, from, to));
      }
      int mmCount = d.getInt();
      List<VpicData.MakeModel> makeModels = new ArrayList<>(mmCount);
      for (int i = 0; i < mmCount; i++) {
        String make = table[d.getInt()];
        makeModels.add(new VpicData.MakeModel(make, table[d.getInt()]));
      }
      Element[] elements = Element.values();
      int schemaCount = d.getInt();
      List<VpicData.Schema> schemas = new ArrayList<>(schemaCount);
      for (int i = 0; i < schemaCount; i++) {
        int sid = d.getInt();
        String name = table[d.getInt()];
        VpicData.Pattern[] patterns = new VpicData.Pattern[d.getInt()];
        for (int p = 0; p < patterns.length; p++) {
          String keys = table[d.getInt()];
          Element e = elements[d.get()];
          patterns[p] = new VpicData.Pattern(keys, e, table[d.getInt()]);
        }
        schemas.add(new VpicData.Schema(sid, name, Arrays.asList(patterns)));
      }
      return new VpicData(source, wmis, ws, schemas, makeModels);
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IOException("truncated or corrupt vPIC data file", e);
    }
  }

  private static String readString(ByteBuffer d, byte[] bytes) {
    int n = d.getInt();
    String s = new String(bytes, d.position(), n, StandardCharsets.UTF_8);
    d.position(d.position() + n);
    return s;
  }
}
