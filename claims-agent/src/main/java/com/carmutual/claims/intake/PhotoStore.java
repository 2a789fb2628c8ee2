package com.carmutual.claims.intake;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Photo bytes in a directory ({@code claims.photo-dir}, default {@code ./data/claims-photos}),
 * content-addressed by SHA-256: written to a temporary file and moved into place atomically, so a
 * reader never sees half a photo and the same photo is stored once.
 */
@Singleton
class PhotoStore {
  private final Path root;

  PhotoStore(@Value("${claims.photo-dir:./data/claims-photos}") String dir) {
    this.root = Path.of(dir);
  }

  private Path path(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** Stores the bytes; true when this call created the file (false: it was already there). */
  boolean put(String sha256, byte[] bytes) {
    Path target = path(sha256);
    if (Files.exists(target)) {
      return false;
    }
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), sha256, ".part");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store photo " + sha256, e);
    }
  }

  byte[] get(String sha256) {
    try {
      return Files.readAllBytes(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read photo " + sha256, e);
    }
  }

  void delete(String sha256) {
    try {
      Files.deleteIfExists(path(sha256));
    } catch (IOException e) {
      // best effort: an orphan content-addressed file is harmless and is reused by the next upload of the same photo
    }
  }
}
