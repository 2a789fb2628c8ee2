package com.carmutual.text2data.warehouse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Rollups on the warehouse. The embedded warehouse always keeps them (its data does not change).
 * An external warehouse keeps them only when a writer is configured: a user that may create and
 * write tables in {@code schema}, and the query user may read them.
 *
 * @param lookbackDays days before the newest stored day that each refresh recomputes (late events)
 */
@ConfigurationProperties("text2data.rollups")
public record RollupConfig(
    @Nullable Boolean enabled,
    @Nullable String schema,
    @Nullable String writerUsername,
    @Nullable String writerPassword,
    @Nullable Integer lookbackDays) {

  public boolean on() {
    return enabled == null || enabled;
  }

  public String schemaName() {
    return schema == null || schema.isBlank() ? "text2data_rollups" : schema;
  }

  public int lookback() {
    return lookbackDays == null ? 1 : Math.max(0, lookbackDays);
  }

  public boolean hasWriter() {
    return writerUsername != null && !writerUsername.isBlank();
  }

  @Override
  public String toString() {
    return "RollupConfig[enabled=" + on() + ", schema=" + schemaName() + ", writer=" + writerUsername + ", lookbackDays=" + lookback() + "]";
  }
}
