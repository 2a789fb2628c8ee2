package com.carmutual.vin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Architecture invariants, checked on the sources: decode never does I/O; features stay apart. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/com/carmutual/vin");

  private static List<String> violations(String pkg, List<String> forbidden) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          for (String bad : forbidden) {
            if (line.startsWith("import " + bad)) {
              out.add(f.getFileName() + ": " + line);
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void decodeNeverDoesIo() throws IOException {
    List<String> v = violations("decode", List.of("java.io.", "java.nio.", "java.net.", "java.sql.",
        "io.micronaut.http.client", "com.carmutual.vin.catalog", "com.carmutual.vin.match", "com.carmutual.vin.api"));
    assertTrue(v.isEmpty(), v.toString());
  }

  @Test
  void onlyTheApiKnowsHttpControllersAndCatalogDoesNotKnowMatching() throws IOException {
    assertTrue(violations("catalog", List.of("com.carmutual.vin.match", "com.carmutual.vin.api")).isEmpty());
    assertTrue(violations("match", List.of("com.carmutual.vin.api", "io.micronaut.http.annotation")).isEmpty());
    assertTrue(violations("vpic", List.of("com.carmutual.vin.decode", "com.carmutual.vin.match")).isEmpty());
  }
}
