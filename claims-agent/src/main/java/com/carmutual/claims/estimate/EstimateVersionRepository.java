package com.carmutual.claims.estimate;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EstimateVersionRepository extends CrudRepository<EstimateVersionRow, String> {
  List<EstimateVersionRow> findByClaimIdOrderByVersion(String claimId);

  Optional<EstimateVersionRow> findFirstByClaimIdOrderByVersionDesc(String claimId);
}
