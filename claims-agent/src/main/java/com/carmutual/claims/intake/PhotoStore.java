package com.carmutual.claims.intake;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Photo files in a directory ({@code claims.photo-dir}, default {@code ./data/claims-photos}),
 * content-addressed by SHA-256, each with its renditions beside it ({@code <sha>.thumb.jpg},
 * {@code <sha>.vision.jpg}). Uploads arrive as files in {@code tmp/} under the same directory and
 * are moved into place atomically, so a reader never sees half a photo, the same photo is stored
 * once, and no photo is ever held whole in memory.
 */
@Singleton
class PhotoStore {
  /** A derived image stored beside the original. */
  enum Rendition {
    THUMBNAIL(".thumb.jpg"),
    VISION(".vision.jpg");

    private final String suffix;

    Rendition(String suffix) {
      this.suffix = suffix;
    }
  }

  private final Path root;
  private final Path tmp;

  PhotoStore(@Value("${claims.photo-dir:./data/claims-photos}") String dir) {
    this.root = Path.of(dir);
    this.tmp = root.resolve("tmp");
  }

  /** The stored original (it may not exist). */
  Path original(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  Path rendition(String sha256, Rendition kind) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256 + kind.suffix);
  }

  /** A new empty file for an upload or a rendition being made, on the store's file system. */
  Path newTempFile(String suffix) {
    try {
      Files.createDirectories(tmp);
      return Files.createTempFile(tmp, "upload-", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a file in " + tmp, e);
    }
  }

  /** Moves {@code file} into place as the original; true when this call created it (false: it was there, {@code file} is deleted). */
  boolean put(String sha256, Path file) {
    Path target = original(sha256);
    if (Files.exists(target)) {
      deleteQuietly(file);
      return false;
    }
    move(file, target);
    return true;
  }

  /** Moves a rendition into place (replacing an older one of the same original), when {@code file} holds one. */
  void putRendition(String sha256, Rendition kind, Path file) {
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        move(file, rendition(sha256, kind));
      } else {
        deleteQuietly(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the " + kind + " of photo " + sha256, e);
    }
  }

  /** The rendition's file when it has been made. */
  Optional<Path> existingRendition(String sha256, Rendition kind) {
    Path p = rendition(sha256, kind);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private static void move(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store photo file " + to, e);
    }
  }

  /** Deletes the original and its renditions (a rollback of a failed intake). */
  void delete(String sha256) {
    deleteQuietly(original(sha256));
    for (Rendition r : Rendition.values()) {
      deleteQuietly(rendition(sha256, r));
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort: an orphan content-addressed file is harmless and is reused by the next upload of the same photo
    }
  }
}
