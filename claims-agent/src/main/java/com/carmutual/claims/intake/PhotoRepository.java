package com.carmutual.claims.intake;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PhotoRepository extends CrudRepository<PhotoRow, String> {
  List<PhotoRow> findByClaimIdOrderBySeq(String claimId);

  List<PhotoRow> findByClaimIdNotEqual(String claimId);
}
