package com.carmutual.shared.llmops.eval.set;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EvalItemRepository extends CrudRepository<EvalItemEntity, String> {
  List<EvalItemEntity> findBySetIdOrderBySeq(String setId);
}
