package com.carmutual.claims.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.testing.TestImages;
import com.carmutual.claims.testing.TestImages.Exif;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.time.BusinessZone;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoInspectorTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final PhotoInspector files =
      new PhotoInspector(26_214_400, 50_000_000, 12_000, new BusinessZone(ZONE), new PhotoDecoder(2, Duration.ofSeconds(2), 50_000_000, 1568, 320, 0.85f));
  @TempDir Path dir;

  /** Inspects bytes the way intake does: from a file. */
  private final Inspector inspector = (name, bytes) -> {
    try {
      Path file = Files.createTempFile(dir, "photo", ".upload");
      Files.write(file, bytes);
      return files.inspect(name, file, PhotoDecoder.Outputs.NONE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  };

  interface Inspector {
    PhotoFacts inspect(String name, byte[] bytes);
  }
  private final PhotoChecks checks = new PhotoChecks(14, 50, 6, 12);

  @Test
  void readsExifCaptureTimeGpsAndSoftwareWrittenIntoAJpeg() {
    byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.picture(1, 640, 480), 0.9f),
        new Exif(LocalDateTime.of(2025, 6, 10, 14, 30, 0), 31.2304, 121.4737, "Apple", "Adobe Photoshop 25.0"));
    PhotoFacts f = inspector.inspect("front.jpg", jpeg);
    assertEquals("image/jpeg", f.mediaType());
    assertEquals(640, f.width());
    assertEquals(LocalDateTime.of(2025, 6, 10, 14, 30).atZone(ZONE).toInstant(), f.capturedAt());
    assertEquals(31.2304, f.gpsLatitude(), 1e-3);
    assertEquals(121.4737, f.gpsLongitude(), 1e-3);
    assertEquals("Adobe Photoshop 25.0", f.software());
    assertTrue(f.hasExif());
    assertNotNull(f.dhash());
  }

  @Test
  void resizedCopyIsANearDuplicateAndAnotherPictureIsNot() {
    java.awt.image.BufferedImage original = TestImages.picture(7, 800, 600);
    String a = inspector.inspect("a.jpg", TestImages.jpeg(original, 0.9f)).dhash();
    String resized = inspector.inspect("b.png", TestImages.png(TestImages.resized(original, 400, 300))).dhash();
    String other = inspector.inspect("c.jpg", TestImages.jpeg(TestImages.picture(8, 800, 600), 0.9f)).dhash();
    int near = DHash.distance(a, resized);
    int far = DHash.distance(a, other);
    System.out.println("dHash distance resized=" + near + " different=" + far);
    assertTrue(near <= 6, "resized copy distance " + near);
    assertTrue(far > 12, "different picture distance " + far);
  }

  @Test
  void textFileNamedJpgIsRefusedAs415NamingTheFile() {
    ProblemException e = assertThrows(ProblemException.class,
        () -> inspector.inspect("damage.jpg", "just some text, not a photo\n".repeat(20).getBytes(StandardCharsets.UTF_8)));
    assertEquals(415, e.status().getCode());
    assertTrue(e.getMessage().contains("damage.jpg"), e.getMessage());
  }

  @Test
  void decompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
    byte[] bomb = TestImages.pngBomb(60_000, 60_000);
    assertTrue(bomb.length < 10_000);
    ProblemException e = assertThrows(ProblemException.class, () -> inspector.inspect("bomb.png", bomb));
    assertEquals(422, e.status().getCode());
    assertTrue(e.getMessage().contains("60000x60000"), e.getMessage());
  }

  @Test
  void heicIsAcceptedWithoutPerceptualHashAndTheFlagSaysSo() {
    ByteBuffer b = ByteBuffer.allocate(64).putInt(24).put("ftypheic".getBytes(StandardCharsets.US_ASCII)).putInt(0).put("mif1heic".getBytes(StandardCharsets.US_ASCII));
    PhotoFacts f = inspector.inspect("iphone.heic", b.array());
    assertEquals("image/heic", f.mediaType());
    assertNull(f.dhash());
    List<Flag> flags = checks.check(List.of(f), LocalDate.of(2025, 6, 10), "Shanghai", Instant.parse("2025-06-11T00:00:00Z"), ZONE, List.of());
    assertTrue(flags.stream().anyMatch(x -> x.code().equals("PHOTO_HASH_UNAVAILABLE") && x.evidence().contains("image/heic")), flags.toString());
  }

  @Test
  void checksFlagTimeGpsEditingAndDuplicatesWithEvidenceAndMissingExifAsUnknown() {
    Instant upload = Instant.parse("2025-06-11T02:00:00Z");
    byte[] future = TestImages.withExif(TestImages.jpeg(TestImages.picture(3, 640, 480), 0.9f),
        new Exif(LocalDateTime.of(2025, 6, 20, 9, 0), 39.9042, 116.4074, "Apple", "Snapseed 2.0"));
    byte[] old = TestImages.withExif(TestImages.jpeg(TestImages.picture(4, 640, 480), 0.9f),
        new Exif(LocalDateTime.of(2025, 3, 1, 9, 0), null, null, "Apple", null));
    java.awt.image.BufferedImage plainPicture = TestImages.picture(5, 320, 240);
    byte[] plain = TestImages.png(plainPicture);
    List<PhotoFacts> facts = List.of(inspector.inspect("future.jpg", future), inspector.inspect("old.jpg", old), inspector.inspect("plain.png", plain));
    PhotoFacts dupSource = inspector.inspect("x.jpg", TestImages.jpeg(TestImages.resized(plainPicture, 640, 480), 0.8f));
    List<Flag> flags =
        checks.check(facts, LocalDate.of(2025, 6, 10), "Shanghai, Pudong", upload, ZONE, List.of(new KnownPhoto("other-claim", "x.jpg", dupSource.sha256(), dupSource.dhash())));
    List<String> codes = flags.stream().map(f -> f.subject() + ":" + f.code()).toList();
    assertTrue(codes.contains("future.jpg:PHOTO_CAPTURED_AFTER_UPLOAD"), codes.toString());
    assertTrue(codes.contains("future.jpg:PHOTO_FAR_FROM_LOSS"), codes.toString());
    assertTrue(codes.contains("future.jpg:PHOTO_EDITED"), codes.toString());
    assertTrue(codes.contains("old.jpg:PHOTO_CAPTURED_BEFORE_LOSS"), codes.toString());
    assertTrue(codes.contains("old.jpg:PHOTO_GPS_UNKNOWN"), codes.toString());
    assertTrue(codes.contains("plain.png:PHOTO_METADATA_MISSING"), codes.toString());
    assertTrue(codes.contains("plain.png:PHOTO_NEAR_DUPLICATE"), codes.toString());
    assertTrue(flags.stream().filter(f -> f.code().equals("PHOTO_METADATA_MISSING")).allMatch(f -> f.level().equals("info")));
    assertTrue(flags.stream().filter(f -> f.code().equals("PHOTO_FAR_FROM_LOSS")).allMatch(f -> f.evidence().contains("km")));
  }
}
