package com.carmutual.shared.llmops.version;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActiveVersionRepository extends CrudRepository<ActiveVersionEntity, String> {}
