package com.carmutual.vin.decode;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a decoded attribute came from.
 *
 * @param kind {@code pattern} (a vPIC pattern of a schema), {@code wmi} (the WMI table), {@code
 *     rule} (a VIN rule such as the model-year cycle) or {@code supplement}
 * @param detail human-readable: the rule, or the schema name
 * @param schemaId the vPIC schema, for patterns
 * @param keys the pattern keys that matched, for patterns
 */
@Serdeable
public record Source(String kind, String detail, @Nullable Integer schemaId, @Nullable String keys) {
  static Source rule(String detail) {
    return new Source("rule", detail, null, null);
  }

  static Source wmi(String code) {
    return new Source("wmi", "WMI " + code, null, null);
  }
}
