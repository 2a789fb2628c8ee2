package com.carmutual.shared.llmops.shadow;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChallengerRepository extends CrudRepository<ChallengerEntity, String> {
  List<ChallengerEntity> findByStatus(String status);

  List<ChallengerEntity> findByTaskOrderByStartedAtDesc(String task);

  @Query(
      "UPDATE llmops_challenger SET status = :status, sampled = :sampled, dropped = :dropped, ended_at = :endedAt"
          + " WHERE id = :id")
  long end(String id, String status, long sampled, long dropped, Instant endedAt);

  @Query("UPDATE llmops_challenger SET sampled = :sampled, dropped = :dropped WHERE id = :id")
  long counts(String id, long sampled, long dropped);
}
