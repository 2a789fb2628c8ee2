package com.carmutual.claims.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Test photos made in the test: JPEG and PNG drawn with javax.imageio, optional EXIF (capture
 * time, GPS, software) written as a minimal APP1 segment, and a PNG decompression bomb whose
 * header declares far more pixels than its few bytes hold.
 */
public final class TestImages {
  private TestImages() {}

  /** A picture of coloured shapes; the same seed draws the same picture. */
  public static BufferedImage picture(long seed, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random r = new Random(seed);
    g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      int w = width / 8 + r.nextInt(width / 3);
      int h = height / 8 + r.nextInt(height / 3);
      g.fillOval(r.nextInt(width), r.nextInt(height), w, h);
      g.fillRect(r.nextInt(width), r.nextInt(height), w / 2, h / 2);
    }
    g.dispose();
    return img;
  }

  /** The picture scaled to another size (bilinear), as a resend or a screenshot would be. */
  public static BufferedImage resized(BufferedImage img, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  /** Adds pixel noise (makes JPEGs big, like camera photos). */
  public static BufferedImage noisy(BufferedImage img, long seed, int amplitude) {
    Random r = new Random(seed);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int red = clamp(((rgb >> 16) & 0xff) + r.nextInt(2 * amplitude + 1) - amplitude);
        int green = clamp(((rgb >> 8) & 0xff) + r.nextInt(2 * amplitude + 1) - amplitude);
        int blue = clamp((rgb & 0xff) + r.nextInt(2 * amplitude + 1) - amplitude);
        img.setRGB(x, y, (red << 16) | (green << 8) | blue);
      }
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  public static byte[] jpeg(BufferedImage img, float quality) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
        w.setOutput(ios);
        w.write(null, new IIOImage(img, null, null), p);
      }
      w.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] cameraPhoto;

  /**
   * A photo as a phone camera writes it: 4000x3000, a gradient with per-pixel noise, JPEG at
   * quality 0.95, about 6 MB. Made once per test JVM (a few seconds), never stored in the repository.
   */
  public static synchronized byte[] cameraPhoto() {
    if (cameraPhoto == null) {
      int w = 4000;
      int h = 3000;
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
      byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
      long state = 0x9E3779B97F4A7C15L;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          state ^= state << 13;
          state ^= state >>> 7;
          state ^= state << 17;
          int i = (y * w + x) * 3;
          px[i] = (byte) clamp(x * 255 / w + (int) (state & 31) - 16);
          px[i + 1] = (byte) clamp(y * 255 / h + (int) ((state >>> 8) & 31) - 16);
          px[i + 2] = (byte) clamp(128 + (int) ((state >>> 16) & 31) - 16);
        }
      }
      cameraPhoto = jpeg(img, 0.95f);
    }
    return cameraPhoto;
  }

  /** A JPEG comment segment (FF FE) to put after SOI, so copies of one photo differ in their bytes and hash. */
  public static byte[] commentSegment(String text) {
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(4 + t.length).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (2 + t.length)).put(t).array();
  }

  /** The JPEG with a comment segment inserted after SOI (a distinct copy of the same picture). */
  public static byte[] withComment(byte[] jpeg, String text) {
    byte[] com = commentSegment(text);
    byte[] out = new byte[jpeg.length + com.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(com, 0, out, 2, com.length);
    System.arraycopy(jpeg, 2, out, 2 + com.length, jpeg.length - 2);
    return out;
  }

  public static byte[] png(BufferedImage img) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** EXIF to put into a JPEG; null fields are left out. */
  public record Exif(LocalDateTime taken, Double latitude, Double longitude, String make, String software) {}

  /** The JPEG with an APP1 EXIF segment inserted after SOI. */
  public static byte[] withExif(byte[] jpeg, Exif exif) {
    byte[] tiff = tiff(exif);
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int len = 2 + header.length + tiff.length;
    ByteBuffer b = ByteBuffer.allocate(jpeg.length + 2 + len);
    b.put(jpeg, 0, 2);
    b.put((byte) 0xFF).put((byte) 0xE1).putShort((short) len).put(header).put(tiff);
    b.put(jpeg, 2, jpeg.length - 2);
    return b.array();
  }

  private record Entry(int tag, int type, int count, byte[] data) {}

  private static Entry ascii(int tag, String s) {
    byte[] d = (s + "\0").getBytes(StandardCharsets.US_ASCII);
    return new Entry(tag, 2, d.length, d);
  }

  private static Entry rationals(int tag, double... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length);
    for (double v : values) {
      b.putInt((int) Math.round(v * 10000)).putInt(10000);
    }
    return new Entry(tag, 5, values.length, b.array());
  }

  private static Entry longValue(int tag, int value) {
    return new Entry(tag, 4, 1, ByteBuffer.allocate(4).putInt(value).array());
  }

  private static int size(List<Entry> ifd) {
    int s = 2 + 12 * ifd.size() + 4;
    for (Entry e : ifd) {
      if (e.data().length > 4) {
        s += e.data().length + (e.data().length % 2);
      }
    }
    return s;
  }

  private static byte[] tiff(Exif exif) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    List<Entry> exifIfd = new ArrayList<>();
    if (exif.taken() != null) {
      exifIfd.add(ascii(0x9003, f.format(exif.taken())));
    }
    List<Entry> gps = new ArrayList<>();
    if (exif.latitude() != null) {
      gps.add(ascii(0x0001, exif.latitude() >= 0 ? "N" : "S"));
      gps.add(rationals(0x0002, dms(Math.abs(exif.latitude()))));
      gps.add(ascii(0x0003, exif.longitude() >= 0 ? "E" : "W"));
      gps.add(rationals(0x0004, dms(Math.abs(exif.longitude()))));
    }
    List<Entry> ifd0 = new ArrayList<>();
    if (exif.make() != null) {
      ifd0.add(ascii(0x010F, exif.make()));
    }
    if (exif.software() != null) {
      ifd0.add(ascii(0x0131, exif.software()));
    }
    ifd0.add(longValue(0x8769, 0)); // placeholder, fixed below
    if (!gps.isEmpty()) {
      ifd0.add(longValue(0x8825, 0));
    }
    int off0 = 8;
    int offExif = off0 + size(ifd0);
    int offGps = offExif + size(exifIfd);
    for (int i = 0; i < ifd0.size(); i++) {
      if (ifd0.get(i).tag() == 0x8769) {
        ifd0.set(i, longValue(0x8769, offExif));
      } else if (ifd0.get(i).tag() == 0x8825) {
        ifd0.set(i, longValue(0x8825, offGps));
      }
    }
    ByteBuffer b = ByteBuffer.allocate(offGps + (gps.isEmpty() ? 0 : size(gps)));
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(off0);
    writeIfd(b, ifd0, off0);
    writeIfd(b, exifIfd, offExif);
    if (!gps.isEmpty()) {
      writeIfd(b, gps, offGps);
    }
    return b.array();
  }

  private static double[] dms(double deg) {
    int d = (int) deg;
    double m = (deg - d) * 60;
    int mi = (int) m;
    double s = (m - mi) * 60;
    return new double[] {d, mi, s};
  }

  private static void writeIfd(ByteBuffer b, List<Entry> ifd, int offset) {
    b.position(offset);
    b.putShort((short) ifd.size());
    int data = offset + 2 + 12 * ifd.size() + 4;
    List<Entry> sorted = ifd.stream().sorted((x, y) -> Integer.compare(x.tag(), y.tag())).toList();
    for (Entry e : sorted) {
      b.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
      if (e.data().length <= 4) {
        byte[] v = new byte[4];
        System.arraycopy(e.data(), 0, v, 0, e.data().length);
        b.put(v);
      } else {
        b.putInt(data);
        int here = b.position();
        b.position(data);
        b.put(e.data());
        data += e.data().length + (e.data().length % 2);
        b.position(here);
      }
    }
    b.putInt(0);
    b.position(data);
  }

  /** A PNG whose header says width x height while holding almost no data: a decompression bomb. */
  public static byte[] pngBomb(int width, int height) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
      chunk(out, "IHDR", ihdr.array());
      Deflater d = new Deflater(9);
      d.setInput(new byte[1024 * 1024]);
      d.finish();
      byte[] buf = new byte[64 * 1024];
      int n = d.deflate(buf);
      byte[] idat = new byte[n];
      System.arraycopy(buf, 0, idat, 0, n);
      chunk(out, "IDAT", idat);
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
