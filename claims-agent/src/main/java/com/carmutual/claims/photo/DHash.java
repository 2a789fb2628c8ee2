package com.carmutual.claims.photo;

import java.awt.image.BufferedImage;
import java.util.HexFormat;

/** The difference hash of an image (64 bits as 16 hex digits) and the Hamming distance between two. */
public final class DHash {
  private DHash() {}

  static String of(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    double[][] cells = new double[8][9];
    for (int cy = 0; cy < 8; cy++) {
      int y0 = cy * h / 8;
      int y1 = Math.max(y0 + 1, (cy + 1) * h / 8);
      for (int cx = 0; cx < 9; cx++) {
        int x0 = cx * w / 9;
        int x1 = Math.max(x0 + 1, (cx + 1) * w / 9);
        double sum = 0;
        int n = 0;
        for (int y = y0; y < Math.min(y1, h); y++) {
          for (int x = x0; x < Math.min(x1, w); x++) {
            int rgb = img.getRGB(x, y);
            sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
            n++;
          }
        }
        cells[cy][cx] = n == 0 ? 0 : sum / n;
      }
    }
    long bits = 0;
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        bits = (bits << 1) | (cells[y][x] > cells[y][x + 1] ? 1 : 0);
      }
    }
    return HexFormat.of().withUpperCase().toHexDigits(bits).toLowerCase(java.util.Locale.ROOT);
  }

  /** Bits that differ between two hashes (0 = same picture, 64 = opposite). */
  public static int distance(String a, String b) {
    return Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
  }
}
