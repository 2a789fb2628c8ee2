package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's photos ({@code java deploy/local/Demo.java photos DIR}) are what its claims need: real
 * JPEGs, the same bytes on every run (so a second demo run replays its claims instead of
 * conflicting), EXIF on all but the one meant to lack it, and exactly one near-duplicate pair.
 */
class DemoPhotosTest {
  @TempDir Path dir;

  @Test
  void photosAreJpegsWithExifTheSameEveryRunAndOnePairIsANearDuplicate() throws Exception {
    Map<String, byte[]> first = photos(dir.resolve("a"));
    Map<String, byte[]> second = photos(dir.resolve("b"));
    assertEquals(10, first.size(), first.keySet().toString());
    assertEquals(first.keySet(), second.keySet());
    Map<String, Long> hashes = new TreeMap<>();
    for (var e : first.entrySet()) {
      assertArrayEquals(e.getValue(), second.get(e.getKey()), e.getKey() + " is the same on every run");
      BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(e.getValue()));
      assertNotNull(img, e.getKey() + " decodes as an image");
      boolean exif = new String(e.getValue(), 0, Math.min(64, e.getValue().length), StandardCharsets.ISO_8859_1).contains("Exif\0\0");
      assertEquals(!e.getKey().equals("mirror.jpg"), exif, e.getKey() + " has EXIF right after SOI");
      hashes.put(e.getKey(), dhash(img));
    }
    List<String> names = List.copyOf(hashes.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        int d = Long.bitCount(hashes.get(names.get(i)) ^ hashes.get(names.get(j)));
        boolean pair = names.get(i).equals("front-bumper.jpg") && names.get(j).equals("rear-bumper.jpg");
        // claims-agent: duplicate at <= 6 bits, review at <= 12 (claims.photo-checks)
        assertTrue(pair ? d <= 6 : d > 12, names.get(i) + " ~ " + names.get(j) + ": " + d + " bits");
      }
    }
  }

  private static Map<String, byte[]> photos(Path out) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
        "deploy/local/Demo.java", "photos", out.toString())
        .directory(Repo.root().toFile()).redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), printed);
    Map<String, byte[]> files = new TreeMap<>();
    try (var list = Files.list(out)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  /** The difference hash claims-agent computes: 9x8 grey cells, one bit per horizontal gradient. */
  private static long dhash(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    double[][] cells = new double[8][9];
    for (int cy = 0; cy < 8; cy++) {
      for (int cx = 0; cx < 9; cx++) {
        double sum = 0;
        int n = 0;
        for (int y = cy * h / 8; y < (cy + 1) * h / 8; y++) {
          for (int x = cx * w / 9; x < (cx + 1) * w / 9; x++) {
            int rgb = img.getRGB(x, y);
            sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
            n++;
          }
        }
        cells[cy][cx] = sum / n;
      }
    }
    long bits = 0;
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        bits = (bits << 1) | (cells[y][x] > cells[y][x + 1] ? 1 : 0);
      }
    }
    return bits;
  }
}
