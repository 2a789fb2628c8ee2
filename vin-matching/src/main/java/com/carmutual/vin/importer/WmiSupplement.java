package com.carmutual.vin.importer;

import com.carmutual.vin.csv.CsvReader;
import com.carmutual.vin.vpic.VpicData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adds well-known WMIs of makers that never registered with NHTSA (vehicles not sold in the US,
 * such as Lada), from the classpath file {@code vpic/wmi-supplement.csv} (public ISO 3780
 * assignments). vPIC's own rows always win: a supplement row is added only when vPIC lacks the WMI.
 */
final class WmiSupplement {
  static final String RESOURCE = "vpic/wmi-supplement.csv";

  private WmiSupplement() {}

  static void addMissing(List<VpicData.Wmi> wmis) {
    Set<String> known = new HashSet<>();
    wmis.forEach(w -> known.add(w.code()));
    try (InputStream in = WmiSupplement.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return;
      }
      try (CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        csv.next(); // header: wmi,manufacturer,makes,country,vehicle_type
        List<String> f;
        while ((f = csv.next()) != null) {
          if (f.size() < 5 || f.get(0).isBlank() || f.get(0).startsWith("#")) {
            continue;
          }
          String code = f.get(0).trim().toUpperCase(Locale.ROOT);
          if (known.add(code)) {
            wmis.add(new VpicData.Wmi(code, f.get(1).trim(), VpicImporter.splitMakes(f.get(2)),
                f.get(3).trim(), f.get(4).trim()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
