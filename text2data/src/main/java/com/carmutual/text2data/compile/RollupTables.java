package com.carmutual.text2data.compile;

import com.carmutual.text2data.model.SemanticModel.Rollup;
import java.time.LocalDate;
import java.util.Optional;

/** Which rollup tables the warehouse has built and up to when they hold every row. */
public interface RollupTables {
  RollupTables NONE = (rollup, end) -> Optional.empty();

  /**
   * The (schema-qualified) table holding {@code rollup} when it is built and complete for every day
   * before {@code end} (null: for all of history); empty otherwise, and the compiler reads the
   * entity's own table.
   */
  Optional<String> table(Rollup rollup, LocalDate end);
}
