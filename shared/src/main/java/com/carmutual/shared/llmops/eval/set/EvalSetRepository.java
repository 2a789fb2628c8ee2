package com.carmutual.shared.llmops.eval.set;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EvalSetRepository extends CrudRepository<EvalSetEntity, String> {
  List<EvalSetEntity> findByTaskAndNameOrderByVersionDesc(String task, String name);

  Optional<EvalSetEntity> findByTaskAndNameAndVersion(String task, String name, int version);

  List<EvalSetEntity> findByTask(String task, Sort sort);

  List<EvalSetEntity> findAll(Sort sort);
}
