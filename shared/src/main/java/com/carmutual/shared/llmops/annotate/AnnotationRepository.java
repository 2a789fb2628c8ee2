package com.carmutual.shared.llmops.annotate;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AnnotationRepository extends CrudRepository<AnnotationEntity, String> {
  List<AnnotationEntity> findByTask(String task, Pageable pageable);

  List<AnnotationEntity> findByRunId(String runId, Pageable pageable);

  List<AnnotationEntity> findByTaskAndRunId(String task, String runId, Pageable pageable);

  List<AnnotationEntity> findAll(Pageable pageable);

  List<AnnotationEntity> findByTaskOrderByCreatedAt(String task);

  @Query("UPDATE llmops_annotation SET hits = hits + 1, last_hit_at = :at WHERE id = :id")
  long recordHit(String id, Instant at);
}
