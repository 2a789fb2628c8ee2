package com.carmutual.vin.vpic;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the compact vPIC file once at start-up: the shipped classpath resource, or the file named
 * by {@code vin.vpic.file} (a refreshed one built with the importer).
 */
@Factory
public final class VpicLoader {
  /** The classpath resource shipped with the service. */
  public static final String RESOURCE = "vpic/vpic-compact.bin.gz";

  private static final Logger LOG = LoggerFactory.getLogger(VpicLoader.class);

  @Singleton
  VpicData vpicData(@Value("${vin.vpic.file:}") String file) {
    long start = System.nanoTime();
    VpicData data = file == null || file.isBlank() ? loadResource() : loadFile(Path.of(file));
    LOG.info(
        "vPIC data loaded in {} ms: {} WMIs, {} schemas ({})",
        (System.nanoTime() - start) / 1_000_000,
        data.wmis().size(),
        data.schemas().size(),
        data.source());
    return data;
  }

  /** Reads the shipped resource; fails start-up when it is missing, since nothing decodes without it. */
  public static VpicData loadResource() {
    try (InputStream in = VpicLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      return VpicDataFile.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static VpicData loadFile(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return VpicDataFile.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vPIC data file " + path, e);
    }
  }
}
