package com.carmutual.vin.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The catalog table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CatalogRepository extends CrudRepository<CatalogRow, String> {}
