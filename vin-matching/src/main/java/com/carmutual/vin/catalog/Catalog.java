package com.carmutual.vin.catalog;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pricing catalog: stored in the service's database, replaced whole and atomically, seeded from
 * the shipped {@code catalog/catalog.csv} when the table is empty at start-up, and held in memory
 * as an immutable list for matching (swapped after each replace).
 */
@Singleton
public class Catalog {
  static final String SEED = "catalog/catalog.csv";
  private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

  private final CatalogRepository repository;
  private volatile List<CatalogRow> rows = List.of();
  private volatile long version;

  Catalog(CatalogRepository repository) {
    this.repository = repository;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (repository.count() == 0) {
      String csv = readSeed();
      List<CatalogRow> seed = CatalogCsv.parse(csv);
      try {
        repository.saveAll(seed);
        LOG.info("Catalog table was empty: seeded {} rows from {}", seed.size(), SEED);
      } catch (RuntimeException e) {
        // Replicas starting together race to seed; saveAll is one transaction, so the loser's
        // insert rolled back whole. Only a table still empty afterwards is a real failure.
        if (repository.count() == 0) {
          throw e;
        }
        LOG.info("Catalog was seeded by another instance meanwhile ({})", e.getClass().getSimpleName());
      }
    }
    reload();
  }

  /** Every row, as last loaded; never null. */
  public List<CatalogRow> rows() {
    if (version == 0) {
      reload();
    }
    return rows;
  }

  /** Increases with every replace, so caches keyed on the catalog know when to rebuild. */
  public long version() {
    return version;
  }

  public Optional<CatalogRow> find(String catalogId) {
    return repository.findById(catalogId);
  }

  /**
   * Replaces the whole catalog with {@code csv} in one transaction. A file with any bad row changes
   * nothing: the 422 problem lists every bad row.
   */
  public int replace(String csv) {
    List<CatalogRow> parsed = CatalogCsv.parse(csv);
    replaceAll(parsed);
    reload();
    return parsed.size();
  }

  @Transactional
  protected void replaceAll(List<CatalogRow> parsed) {
    repository.deleteAll();
    repository.saveAll(parsed);
  }

  synchronized void reload() {
    List<CatalogRow> all = new ArrayList<>();
    repository.findAll().forEach(all::add);
    rows = List.copyOf(all);
    version++;
  }

  private static String readSeed() {
    try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException("seed catalog " + SEED + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
