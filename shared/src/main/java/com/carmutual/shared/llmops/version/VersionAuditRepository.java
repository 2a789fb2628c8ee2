package com.carmutual.shared.llmops.version;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface VersionAuditRepository extends CrudRepository<VersionAuditEntity, String> {
  List<VersionAuditEntity> findByTask(String task, Pageable pageable);
}
