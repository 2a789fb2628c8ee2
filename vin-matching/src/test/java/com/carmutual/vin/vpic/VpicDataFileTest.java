package com.carmutual.vin.vpic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class VpicDataFileTest {
  @Test
  void roundTripsEverySection() throws IOException {
    VpicData data = new VpicData("test",
        List.of(new VpicData.Wmi("1FT", "FORD MOTOR COMPANY", List.of("Ford"), "UNITED STATES (USA)", "Truck")),
        List.of(new VpicData.WmiSchema("1FT", 7, 2024, VpicData.WmiSchema.OPEN)),
        List.of(new VpicData.Schema(7, "F-150 schema", List.of(new VpicData.Pattern("[MNEFV6]W[1-7]", Element.MODEL, "F-150")))),
        List.of(new VpicData.MakeModel("Ford", "F-150 ünicode")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VpicDataFile.write(data, out);
    assertEquals(data, VpicDataFile.read(new ByteArrayInputStream(out.toByteArray())));
  }

  @Test
  void rejectsOtherFilesAndTruncatedOnes() throws IOException {
    ByteArrayOutputStream other = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(other)) {
      gz.write("not vpic at all".getBytes());
    }
    assertThrows(IOException.class, () -> VpicDataFile.read(new ByteArrayInputStream(other.toByteArray())));
    byte[] full = VpicLoader.class.getClassLoader().getResourceAsStream(VpicLoader.RESOURCE).readAllBytes();
    assertThrows(IOException.class, () -> VpicDataFile.read(new ByteArrayInputStream(Arrays.copyOf(full, full.length / 2))));
  }
}
