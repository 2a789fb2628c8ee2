package com.carmutual.claims.photo;

import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.time.BusinessZone;
import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;

/**
 * Looks at a photo file, never its name or declared type: the media type by Apache Tika's magic
 * detection (JPEG, PNG, HEIC/HEIF, WebP accepted), the size and pixel limits (dimensions read from
 * the header before anything is decoded, so a decompression bomb is refused unopened), the SHA-256
 * of the file, the EXIF tags, and for JPEG and PNG one bounded decode by {@link PhotoDecoder} (dHash,
 * and the thumbnail and vision copy when asked for). The file is read as a stream, never whole.
 */
@Singleton
public class PhotoInspector {
  public static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/heic", "image/heif", "image/webp");
  /** Types decoded here (dHash, thumbnail, vision copy); the others are stored and shown as uploaded. */
  public static final Set<String> DECODABLE = Set.of("image/jpeg", "image/png");

  private final Tika tika = new Tika();
  private final long maxBytes;
  private final long maxPixels;
  private final int maxSide;
  private final TimeZone zone;
  private final PhotoDecoder decoder;

  PhotoInspector(
      @Value("${claims.photo.max-bytes:26214400}") long maxBytes,
      @Value("${claims.photo.max-pixels:50000000}") long maxPixels,
      @Value("${claims.photo.max-side:12000}") int maxSide,
      BusinessZone businessZone,
      PhotoDecoder decoder) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.maxSide = maxSide;
    this.zone = TimeZone.getTimeZone(businessZone.zone());
    this.decoder = decoder;
  }

  /**
   * The facts of one photo file; a problem (415, 413, 422) naming the file when it cannot be
   * accepted. A decodable photo's renditions are written to {@code outputs}.
   */
  public PhotoFacts inspect(String fileName, Path file, PhotoDecoder.Outputs outputs) {
    String name = fileName == null || fileName.isBlank() ? "photo" : fileName;
    long length = size(file);
    if (length == 0) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "photo-empty", "photo " + name + " is empty");
    }
    if (length > maxBytes) {
      throw new ProblemException(
          HttpStatus.REQUEST_ENTITY_TOO_LARGE, "photo-too-large", "photo " + name + " has " + length + " bytes; the limit is " + maxBytes);
    }
    String type = detect(file);
    if (!ACCEPTED.contains(type)) {
      throw new ProblemException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "photo-type",
          "photo " + name + " is " + type + " by its content; accepted are JPEG, PNG, HEIC and WebP");
    }
    Metadata metadata = readMetadata(file);
    int[] size = DECODABLE.contains(type) ? headerSize(file, name) : metadataSize(metadata);
    if (size[0] > maxSide || size[1] > maxSide || (long) size[0] * size[1] > maxPixels) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "photo-too-many-pixels",
          "photo " + name + " declares " + size[0] + "x" + size[1] + " pixels; the limit is " + maxPixels + " pixels and " + maxSide + " per side");
    }
    String dhash = DECODABLE.contains(type) ? decoder.render(name, file, outputs) : null;
    Instant[] times = times(metadata);
    GeoLocation geo = geo(metadata);
    ExifIFD0Directory ifd0 = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    boolean hasExif = metadata != null && (ifd0 != null || metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class) != null);
    return new PhotoFacts(
        name,
        type,
        length,
        size[0],
        size[1],
        sha256(file),
        dhash,
        times[0],
        geo == null ? null : geo.getLatitude(),
        geo == null ? null : geo.getLongitude(),
        ifd0 == null ? null : trim(ifd0.getString(ExifIFD0Directory.TAG_MAKE)),
        ifd0 == null ? null : trim(ifd0.getString(ExifIFD0Directory.TAG_MODEL)),
        ifd0 == null ? null : trim(ifd0.getString(ExifIFD0Directory.TAG_SOFTWARE)),
        times[1],
        hasExif);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uploaded photo " + file, e);
    }
  }

  /** Tika's magic detection on the first bytes only (no file name, so a renamed file is told by its content). */
  private String detect(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return tika.detect(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uploaded photo " + file, e);
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Metadata readMetadata(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return ImageMetadataReader.readMetadata(in);
    } catch (Exception e) {
      return null; // unreadable or absent metadata means "unknown", not a bad photo
    }
  }

  private Instant[] times(Metadata metadata) {
    if (metadata == null) {
      return new Instant[2];
    }
    ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    Date original = sub == null ? null : sub.getDateOriginal(zone);
    Date modified = ifd0 == null ? null : ifd0.getDate(ExifIFD0Directory.TAG_DATETIME, zone);
    return new Instant[] {original == null ? null : original.toInstant(), modified == null ? null : modified.toInstant()};
  }

  private static GeoLocation geo(Metadata metadata) {
    if (metadata == null) {
      return null;
    }
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    GeoLocation g = gps == null ? null : gps.getGeoLocation();
    return g == null || g.isZero() ? null : g;
  }

  private static int[] headerSize(Path file, String name) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw unreadable(name);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException pe) {
        throw pe;
      }
      throw unreadable(name);
    }
  }

  private static int[] metadataSize(Metadata metadata) {
    int w = 0;
    int h = 0;
    if (metadata != null) {
      for (Directory d : metadata.getDirectories()) {
        for (Tag t : d.getTags()) {
          String n = t.getTagName().toLowerCase(java.util.Locale.ROOT);
          Integer v = d.getInteger(t.getTagType());
          if (v == null) {
            continue;
          }
          if (n.equals("image width") && w == 0) {
            w = v;
          } else if (n.equals("image height") && h == 0) {
            h = v;
          }
        }
      }
    }
    return new int[] {w, h};
  }

  private static ProblemException unreadable(String name) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "photo-unreadable", "photo " + name + " is not a readable image");
  }

  /** SHA-256 of the file, read in 64 KiB blocks. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uploaded photo " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
