package com.carmutual.claims.intake;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ClaimRepository extends CrudRepository<ClaimRow, String> {
  Optional<ClaimRow> findByIdempotencyClientAndIdempotencyKey(String idempotencyClient, String idempotencyKey);

  void update(@Id String id, String status, int estimateVersion, BigDecimal estimateTotal, String flagCodes, int flagCount, Instant updatedAt);
}
