package com.carmutual.text2data.feedback;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CorrectionRepository extends CrudRepository<CorrectionRecord, String> {
  List<CorrectionRecord> findByQuestionKeyOrderByCreatedAtDesc(String questionKey);

  @Query("SELECT * FROM text2data_corrections ORDER BY created_at DESC LIMIT 20")
  List<CorrectionRecord> recent();
}
