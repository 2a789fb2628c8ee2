package com.carmutual.claims.intake;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PhotoRepository extends CrudRepository<PhotoRow, String> {
  List<PhotoRow> findByClaimIdOrderBySeq(String claimId);

  Optional<PhotoRow> findByClaimIdAndSeq(String claimId, int seq);
}
