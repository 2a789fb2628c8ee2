package com.carmutual.shared.llmops.run;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface NodeRepository extends CrudRepository<NodeEntity, String> {
  List<NodeEntity> findByRunIdOrderBySeq(String runId);
}
