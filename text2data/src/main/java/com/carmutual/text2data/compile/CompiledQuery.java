package com.carmutual.text2data.compile;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * SQL the compiler wrote for one semantic query, with what each result column is. Only SQL of
 * this type is ever executed against the warehouse.
 */
@Serdeable
public record CompiledQuery(String sql, String dialect, List<Column> columns, int rowLimit) {

  /** A result column: role dimension|time|metric; format text|date|integer|number|ratio|percent. */
  @Serdeable
  public record Column(String name, String role, String format) {}
}
