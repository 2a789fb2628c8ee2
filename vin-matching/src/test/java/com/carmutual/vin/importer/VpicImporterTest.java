package com.carmutual.vin.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.vin.decode.DecodedVin;
import com.carmutual.vin.decode.VinDecoder;
import com.carmutual.vin.vpic.VpicData;
import com.carmutual.vin.vpic.VpicDataFile;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on a slice of the extract (gz and xz files) and on NHTSA's table layout. */
class VpicImporterTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  static Path resource(String dir) throws URISyntaxException {
    return Path.of(VpicImporterTest.class.getClassLoader().getResource(dir).toURI());
  }

  @Test
  void importsTheExtractSliceAndTheResultDecodes(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("vpic.bin.gz");
    VpicImporter.main(new String[] {"--from", resource("vpic-slice").toString(), "--out", out.toString()});
    VpicData data;
    try (InputStream in = Files.newInputStream(out)) {
      data = VpicDataFile.read(in);
    }
    // all WMIs of the slice are kept, plus the supplement for makers vPIC lacks (Lada)
    assertTrue(data.wmis().stream().anyMatch(w -> w.code().equals("102")));
    assertTrue(data.wmis().stream().anyMatch(w -> w.code().equals("XTA")));
    DecodedVin d = new VinDecoder(data, CLOCK).decode("1FTFW5L86RFB45612");
    assertEquals("F-150", d.model());
    assertEquals("Lariat", d.series());
    DecodedVin hummer = new VinDecoder(data, CLOCK).decode("137ZA903X1E412677");
    assertEquals("Hummer", hummer.make());
  }

  @Test
  void importIsRepeatable(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a.bin.gz");
    Path b = tmp.resolve("b.bin.gz");
    VpicImporter.main(new String[] {"--from", resource("vpic-slice").toString(), "--out", a.toString()});
    VpicImporter.main(new String[] {"--from", resource("vpic-slice").toString(), "--out", b.toString()});
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
  }

  @Test
  void readsNhtsaTableLayoutResolvingLookups() throws Exception {
    VpicData data = VpicImporter.read(resource("vpic-tables"), false);
    assertEquals(1, data.schemas().size(), "the trailer schema is not kept");
    DecodedVin d = new VinDecoder(data, CLOCK).decode("1FTFW5L86RFB45612");
    assertEquals("Ford", d.make());
    assertEquals("F-150", d.model());
    assertEquals("Lariat", d.series());
    assertEquals("Pickup", d.bodyClass());
  }
}
