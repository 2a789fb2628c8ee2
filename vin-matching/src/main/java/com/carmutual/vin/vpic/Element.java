package com.carmutual.vin.vpic;

import java.util.HashMap;
import java.util.Map;

/**
 * The vPIC decoding elements the service keeps, in vPIC's own names. Elements not listed here
 * (brakes, restraints, battery details, ...) are dropped by the importer: decoding and matching
 * never use them.
 */
public enum Element {
  MODEL("Model"),
  SERIES("Series"),
  TRIM("Trim"),
  BODY_CLASS("BodyClass"),
  DOORS("Doors"),
  DISPLACEMENT_L("DisplacementL"),
  ENGINE_CYLINDERS("EngineCylinders"),
  ENGINE_MODEL("EngineModel"),
  ENGINE_CONFIGURATION("EngineConfiguration"),
  FUEL_TYPE_PRIMARY("FuelTypePrimary"),
  FUEL_TYPE_SECONDARY("FuelTypeSecondary"),
  TURBO("Turbo"),
  ELECTRIFICATION_LEVEL("ElectrificationLevel"),
  OTHER_ENGINE_INFO("OtherEngineInfo"),
  GVWR("GVWR"),
  DRIVE_TYPE("DriveType"),
  PLANT_CITY("PlantCity"),
  PLANT_STATE("PlantState"),
  PLANT_COUNTRY("PlantCountry");

  private static final Map<String, Element> BY_VPIC_NAME = new HashMap<>();

  static {
    for (Element e : values()) {
      BY_VPIC_NAME.put(e.vpicName.toLowerCase(java.util.Locale.ROOT), e);
    }
  }

  private final String vpicName;

  Element(String vpicName) {
    this.vpicName = vpicName;
  }

  /** vPIC's name of the element, for example {@code DisplacementL}. */
  public String vpicName() {
    return vpicName;
  }

  /** The element vPIC calls {@code name} (case-insensitive), or null when it is not kept. */
  public static Element ofVpicName(String name) {
    return name == null ? null : BY_VPIC_NAME.get(name.trim().toLowerCase(java.util.Locale.ROOT));
  }
}
