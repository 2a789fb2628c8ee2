package com.carmutual.shared.llmops.eval.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ExperimentRepository extends CrudRepository<ExperimentEntity, String> {
  List<ExperimentEntity> findAll(Pageable pageable);

  List<ExperimentEntity> findByTask(String task, Pageable pageable);

  @Query("UPDATE llmops_experiment SET status = :status, done = :done WHERE id = :id")
  long progress(String id, String status, int done);

  @Query(
      "UPDATE llmops_experiment SET status = :status, done = :done, summary = :summary, error = :error,"
          + " finished_at = :finishedAt WHERE id = :id")
  long finish(
      String id,
      String status,
      int done,
      @Nullable String summary,
      @Nullable String error,
      @Nullable Instant finishedAt);
}
