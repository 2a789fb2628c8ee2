package com.carmutual.shared.llmops.shadow;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ShadowResultRepository extends CrudRepository<ShadowResultEntity, String> {
  List<ShadowResultEntity> findByChallengerId(String challengerId, Pageable pageable);

  long countByChallengerId(String challengerId);
}
