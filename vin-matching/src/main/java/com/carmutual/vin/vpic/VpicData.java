package com.carmutual.vin.vpic;

import java.util.List;

/**
 * The vPIC subset the decoder needs, as plain values: every WMI (maker, makes, country, vehicle
 * type), which schemas apply to a WMI in which model years, and each schema's patterns. Immutable
 * once built.
 *
 * @param source where the data came from (the extract and the date it was built), for audit
 */
public record VpicData(
    String source,
    List<Wmi> wmis,
    List<WmiSchema> wmiSchemas,
    List<Schema> schemas,
    List<MakeModel> makeModels) {

  /** A model vPIC files under a make; kept for makes that share a WMI, to tell them apart by model. */
  public record MakeModel(String make, String model) {}

  /** A world manufacturer identifier: 3 characters, or 6 (positions 1-3 and 12-14) for small makers. */
  public record Wmi(String code, String manufacturer, List<String> makes, String country, String vehicleType) {}

  /** Schema {@code schemaId} applies to {@code wmi} for model years {@code yearFrom..yearTo} (inclusive). */
  public record WmiSchema(String wmi, int schemaId, int yearFrom, int yearTo) {
    /** Open-ended ranges use this as their last year. */
    public static final int OPEN = 9999;
  }

  /** A decoding schema: its patterns in file order. */
  public record Schema(int id, String name, List<Pattern> patterns) {}

  /**
   * One vPIC pattern: {@code keys} over VIN positions 4-8, optionally {@code |} and positions 10
   * on; {@code *} is any character and {@code [..]} a class. A match sets {@code element} to
   * {@code value}.
   */
  public record Pattern(String keys, Element element, String value) {}
}
