package com.carmutual.shared.llmops.run;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RunRepository extends CrudRepository<RunEntity, String> {
  List<RunEntity> findByWorkflow(String workflow, Pageable pageable);

  List<RunEntity> findByReplayOf(String replayOf, Pageable pageable);

  List<RunEntity> findAll(Pageable pageable);
}
