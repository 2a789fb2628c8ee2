package com.carmutual.shared.llmops.promote;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PromotionRepository extends CrudRepository<PromotionEntity, String> {
  List<PromotionEntity> findByTask(String task, Pageable pageable);

  @Query(
      "UPDATE llmops_promotion SET status = :status, results = :results, experiment_ids = :experimentIds,"
          + " error = :error, finished_at = :finishedAt WHERE id = :id")
  long finish(
      String id,
      String status,
      @Nullable String results,
      @Nullable String experimentIds,
      @Nullable String error,
      @Nullable Instant finishedAt);
}
