package com.carmutual.vin.vpic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * <p>Layout (all big-endian, strings as modified UTF-8): magic {@code VPIC}, version, source, the
 * string table, WMIs (code, manufacturer, makes joined by {@code |}, country, vehicle type as string
 * indexes), WMI-schema rows (wmi index, schema id, first and last year), schemas (id, name index,
 * patterns as keys index, element ordinal, value index).
 */
public final class VpicDataFile {
  private static final int MAGIC = 0x56504943;
  private static final int VERSION = 1;

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
      o.writeUTF(data.source());
      o.writeInt(table.size());
      for (String s : table) {
        o.writeUTF(s);
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

  /** Reads a file written by {@link #write}; fails clearly on anything else. */
  public static VpicData read(InputStream in) throws IOException {
    try (DataInputStream d =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16))) {
      if (d.readInt() != MAGIC) {
        throw new IOException("not a vPIC data file (bad magic)");
      }
      int version = d.readInt();
      if (version != VERSION) {
        throw new IOException("unsupported vPIC data file version " + version);
      }
      String source = d.readUTF();
      String[] table = new String[d.readInt()];
      for (int i = 0; i < table.length; i++) {
        table[i] = d.readUTF();
      }
      int wmiCount = d.readInt();
      List<VpicData.Wmi> wmis = new ArrayList<>(wmiCount);
      for (int i = 0; i < wmiCount; i++) {
        String code = table[d.readInt()];
        String manufacturer = table[d.readInt()];
        String makes = table[d.readInt()];
        String country = table[d.readInt()];
        String type = table[d.readInt()];
        wmis.add(new VpicData.Wmi(code, manufacturer,
            makes.isEmpty() ? List.of() : List.of(makes.split("\\|")), country, type));
      }
      int wsCount = d.readInt();
      List<VpicData.WmiSchema> ws = new ArrayList<>(wsCount);
      for (int i = 0; i < wsCount; i++) {
        ws.add(new VpicData.WmiSchema(table[d.readInt()], d.readInt(), d.readShort(), d.readShort()));
      }
      int mmCount = d.readInt();
      List<VpicData.MakeModel> makeModels = new ArrayList<>(mmCount);
      for (int i = 0; i < mmCount; i++) {
        makeModels.add(new VpicData.MakeModel(table[d.readInt()], table[d.readInt()]));
      }
      Element[] elements = Element.values();
      int schemaCount = d.readInt();
      List<VpicData.Schema> schemas = new ArrayList<>(schemaCount);
      for (int i = 0; i < schemaCount; i++) {
        int sid = d.readInt();
        String name = table[d.readInt()];
        VpicData.Pattern[] patterns = new VpicData.Pattern[d.readInt()];
        for (int p = 0; p < patterns.length; p++) {
          String keys = table[d.readInt()];
          Element e = elements[d.readByte()];
          patterns[p] = new VpicData.Pattern(keys, e, table[d.readInt()]);
        }
        schemas.add(new VpicData.Schema(sid, name, Arrays.asList(patterns)));
      }
      return new VpicData(source, wmis, ws, schemas, makeModels);
    }
  }
}
