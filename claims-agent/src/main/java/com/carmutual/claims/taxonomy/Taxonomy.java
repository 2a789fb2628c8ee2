package com.carmutual.claims.taxonomy;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part taxonomy, CIECA codes and total-loss thresholds, loaded once from the copies of the
 * claims data shipped in this module ({@code classpath:claims/}).
 */
@Singleton
public class Taxonomy {
  private final Map<String, Part> parts = new LinkedHashMap<>();
  private final Map<String, String> ciecaCodes = new LinkedHashMap<>();
  private final Map<String, TotalLossThreshold> thresholds = new LinkedHashMap<>();

  public Taxonomy() {
    for (Map<String, String> r : Csv.read("claims/parts.csv")) {
      Part p =
          new Part(
              r.get("part_code"),
              r.get("part_name"),
              r.get("area"),
              "Y".equalsIgnoreCase(r.get("per_side")),
              r.get("typical_material"),
              List.of(r.get("typical_ops").split("\\|")),
              dec(r.get("oem_price_usd_low")),
              dec(r.get("oem_price_usd_high")),
              r.get("alt_parts_common"),
              dec(r.get("replace_hrs_low")),
              dec(r.get("replace_hrs_high")),
              r.get("replace_labor_type"),
              dec(r.get("refinish_hrs_low")),
              dec(r.get("refinish_hrs_high")),
              r.get("blend_candidates").isBlank()
                  ? List.of()
                  : Arrays.stream(r.get("blend_candidates").split("\\|")).map(String::trim).toList(),
              r.get("rule_notes"));
      parts.put(p.code(), p);
    }
    for (Map<String, String> r : Csv.read("claims/cieca_codes.csv")) {
      ciecaCodes.put(r.get("code"), r.get("meaning"));
    }
    for (Map<String, String> r : Csv.read("claims/total_loss_thresholds.csv")) {
      String pct = r.get("threshold_pct_of_acv");
      thresholds.put(
          r.get("state"),
          new TotalLossThreshold(
              r.get("state"),
              r.get("method"),
              pct.isBlank() ? null : new BigDecimal(pct),
              r.get("authority_or_source")));
    }
  }

  private static BigDecimal dec(String s) {
    return s == null || s.isBlank() ? BigDecimal.ZERO : new BigDecimal(s.trim());
  }

  public Optional<Part> part(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(parts.get(code.toUpperCase(Locale.ROOT)));
  }

  public Collection<Part> parts() {
    return Collections.unmodifiableCollection(parts.values());
  }

  /** The meaning of a CIECA code such as {@code OP11} or {@code PAA}, if known. */
  public Optional<String> ciecaMeaning(String code) {
    return Optional.ofNullable(ciecaCodes.get(code));
  }

  /** The threshold configured for a US state code, if the table lists it. */
  public Optional<TotalLossThreshold> threshold(String state) {
    return state == null ? Optional.empty() : Optional.ofNullable(thresholds.get(state.toUpperCase(Locale.ROOT)));
  }

  /** The total-loss rule of a state as the configuration table lists it. */
  public record TotalLossThreshold(String state, String method, BigDecimal percent, String source) {}
}
