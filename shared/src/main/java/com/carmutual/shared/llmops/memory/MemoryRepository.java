package com.carmutual.shared.llmops.memory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MemoryRepository extends CrudRepository<MemoryEntity, String> {

  @Query(
      "UPDATE llmops_memory SET value_json = :valueJson, value_type = :valueType,"
          + " expires_at = :expiresAt, updated_at = :updatedAt WHERE context_id = :contextId")
  long overwrite(
      String contextId, String valueJson, String valueType, Instant expiresAt, Instant updatedAt);

  @Query("DELETE FROM llmops_memory WHERE expires_at < :now")
  long deleteExpired(Instant now);
}
