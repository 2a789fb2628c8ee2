package com.carmutual.shared.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each service's own logback.xml (read from the repository) masks VINs and phone numbers in what its
 * appender writes; ordinary numbers, dates and ids stay readable.
 */
class MaskingLogsTest {
  /** The lines each service's configured appender writes for {@code messages}. */
  static List<String> logThrough(Path logbackXml, String... messages) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(logbackXml.toFile());
      Logger log = context.getLogger("com.carmutual.test");
      for (String m : messages) {
        log.info(m);
      }
      log.info("vin {} and phone {} as arguments", "LSVAU2180N2183294", "+86 138 1234 5678");
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"vin-matching", "claims-agent", "text2data", "phone-agent"})
  void everyServicesLogbackXmlMasksVinsAndPhoneNumbers(String service) throws Exception {
    Path xml = Path.of("..", service, "src", "main", "resources", "logback.xml");
    assertTrue(Files.exists(xml), xml.toAbsolutePath().toString());
    List<String> lines = logThrough(xml,
        "decoding VIN 1FTFW5L86RFB45612 for claim C-1042",
        "calling 13812345678 and (512) 555-0187 about lowercase vin lsvau2180n2183294",
        "estimate 1200.50 CNY on 2025-06-10 at 14:05:33, trace 4bf92f3577b34da6a3ce929d0e0e4736, 45000 km");
    String all = String.join("\n", lines);
    for (String secret : List.of("1FTFW5L86RFB45612", "13812345678", "555-0187", "lsvau2180n2183294",
        "LSVAU2180N2183294", "138 1234 5678")) {
      assertFalse(all.contains(secret), secret + " in: " + all);
    }
    assertTrue(all.contains("1FT**************"), all);
    assertTrue(all.contains("calling *********78 and"), all);
    assertTrue(all.contains("1200.50 CNY on 2025-06-10 at 14:05:33, trace 4bf92f3577b34da6a3ce929d0e0e4736, 45000 km"), all);
    assertTrue(all.contains("claim C-1042"), all);
  }

  @Test
  void masksKeepTheShapeAndTheLastDigits() {
    assertEquals("+** *** **** **78", LogMasking.mask("+86 138 1234 5678"));
    assertEquals("call (***) ***-**87 now", LogMasking.mask("call (512) 555-0187 now"));
    assertEquals("LSV**************", LogMasking.mask("LSVAU2180N2183294"));
    assertEquals("order 2025-06-10T14:05:33Z id 550e8400-e29b-41d4-a716-446655440000",
        LogMasking.mask("order 2025-06-10T14:05:33Z id 550e8400-e29b-41d4-a716-446655440000"));
  }
}
