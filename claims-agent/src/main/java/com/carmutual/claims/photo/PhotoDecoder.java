package com.carmutual.claims.photo;

import com.carmutual.shared.problem.BusyException;
import com.carmutual.shared.problem.ProblemException;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decodes photos with bounded memory and concurrency: at most {@code claims.photo.max-concurrent-decodes}
 * decodes run at once (a caller that gets no permit within {@code claims.photo.decode-wait} is
 * answered {@link BusyException}); the header's pixel count is checked before decoding; and a large photo is
 * decoded subsampled ({@link ImageReadParam#setSourceSubsampling}), at about twice the vision size
 * at most, never at full resolution. One decode gives the dHash, the thumbnail for the adjusters'
 * page and the copy sent to a vision model: JPEG, long side at most {@code claims.vision.long-side},
 * turned upright by the EXIF orientation and written without any metadata (no EXIF, no GPS).
 */
@Singleton
public class PhotoDecoder {
  /** Package-private so a test can hold every permit. */
  final Semaphore permits;
  private final Duration wait;
  private final long maxPixels;
  private final int visionLongSide;
  private final int thumbnailLongSide;
  private final float quality;

  PhotoDecoder(
      @Value("${claims.photo.max-concurrent-decodes:2}") int maxConcurrentDecodes,
      @Value("${claims.photo.decode-wait:3s}") Duration wait,
      @Value("${claims.photo.max-pixels:50000000}") long maxPixels,
      @Value("${claims.vision.long-side:1568}") int visionLongSide,
      @Value("${claims.photo.thumbnail-long-side:320}") int thumbnailLongSide,
      @Value("${claims.vision.jpeg-quality:0.85}") float quality) {
    this.permits = new Semaphore(Math.max(1, maxConcurrentDecodes), true);
    this.wait = wait;
    this.maxPixels = maxPixels;
    this.visionLongSide = visionLongSide;
    this.thumbnailLongSide = thumbnailLongSide;
    this.quality = quality;
  }

  /** Where the renditions of one decode go; either may be null (not wanted). */
  public record Outputs(@Nullable Path thumbnail, @Nullable Path vision) {
    public static final Outputs NONE = new Outputs(null, null);
  }

  /**
   * Decodes the JPEG or PNG {@code file} once (under a permit), writes the wanted renditions and
   * returns its dHash. A problem (422) when it cannot be decoded, {@link BusyException} when no permit came.
   */
  public String render(String name, Path file, Outputs outputs) {
    acquire(name);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw unreadable(name);
      }
      ImageReader reader = readers.next();
      BufferedImage decoded;
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if ((long) w * h > maxPixels) {
          throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "photo-too-many-pixels",
              "photo " + name + " declares " + w + "x" + h + " pixels; the limit is " + maxPixels + " pixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(w, h, visionLongSide);
        param.setSourceSubsampling(step, step, 0, 0);
        decoded = reader.read(0, param);
      } finally {
        reader.dispose();
      }
      String dhash = DHash.of(decoded);
      if (outputs.vision() != null || outputs.thumbnail() != null) {
        BufferedImage upright = upright(scaled(decoded, visionLongSide), orientation(file));
        decoded = null; // the large decode can go before the encodes allocate
        if (outputs.vision() != null) {
          writeJpeg(upright, outputs.vision());
        }
        if (outputs.thumbnail() != null) {
          writeJpeg(scaled(upright, thumbnailLongSide), outputs.thumbnail());
        }
      }
      return dhash;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException pe) {
        throw pe;
      }
      throw unreadable(name);
    } finally {
      permits.release();
    }
  }

  /** The largest whole subsampling step that still leaves the long side at least {@code target} pixels. */
  static int subsampling(int width, int height, int target) {
    return Math.max(1, Math.max(width, height) / Math.max(1, target));
  }

  private void acquire(String name) {
    try {
      if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new BusyException("busy", "photo " + name + " cannot be decoded now: every photo decoder is busy; retry shortly", wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException("busy", "interrupted while waiting for a photo decoder", Duration.ofSeconds(1));
    }
  }

  /** The image scaled so its long side is at most {@code longSide}: halving steps, then one bilinear step (no aliasing from one big jump). */
  static BufferedImage scaled(BufferedImage src, int longSide) {
    BufferedImage img = src;
    int w = img.getWidth();
    int h = img.getHeight();
    if (Math.max(w, h) <= longSide && img.getType() == BufferedImage.TYPE_INT_RGB) {
      return img;
    }
    double factor = Math.min(1.0, (double) longSide / Math.max(w, h));
    int tw = Math.max(1, (int) Math.round(w * factor));
    int th = Math.max(1, (int) Math.round(h * factor));
    do {
      w = w / 2 >= tw ? w / 2 : tw;
      h = h / 2 >= th ? h / 2 : th;
      BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = next.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(img, 0, 0, w, h, null);
      g.dispose();
      img = next;
    } while (w != tw || h != th);
    return img;
  }

  /** EXIF orientation (1 = upright) of a photo; 1 when unknown. */
  private static int orientation(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Metadata m = ImageMetadataReader.readMetadata(in);
      ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
      Integer o = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
      return o == null ? 1 : o;
    } catch (Exception e) {
      return 1;
    }
  }

  /** Turns the image as EXIF orientation 3, 6 or 8 says, since the re-encoded copy carries no EXIF to say it. */
  static BufferedImage upright(BufferedImage img, int orientation) {
    int quarterTurns = switch (orientation) {
      case 3 -> 2;
      case 6 -> 1;
      case 8 -> 3;
      default -> 0;
    };
    if (quarterTurns == 0) {
      return img;
    }
    int w = img.getWidth();
    int h = img.getHeight();
    boolean swap = quarterTurns % 2 == 1;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    AffineTransform t = new AffineTransform();
    t.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
    t.quadrantRotate(quarterTurns);
    t.translate(-w / 2.0, -h / 2.0);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, t, null);
    g.dispose();
    return out;
  }

  /** Baseline JPEG with no metadata: the writer gets no IIOMetadata, so only a JFIF header is written. */
  private void writeJpeg(BufferedImage img, Path target) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try {
      Files.deleteIfExists(target);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(img, null, null), param);
      }
    } finally {
      writer.dispose();
    }
  }

  private static ProblemException unreadable(String name) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "photo-unreadable", "photo " + name + " is not a readable image");
  }
}
