package com.carmutual.shared.llmops.eval.experiment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ExperimentItemRepository extends CrudRepository<ExperimentItemEntity, String> {
  List<ExperimentItemEntity> findByExperimentIdOrderBySeq(String experimentId);

  List<ExperimentItemEntity> findByExperimentIdAndConfigurationOrderBySeq(
      String experimentId, String configuration);
}
