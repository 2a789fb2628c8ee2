package com.carmutual.claims.damage;

import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.VehicleDescription;
import java.util.List;
import java.util.stream.Collectors;

/** Runs a description through the reader and writes the damages as sorted "PART/SIDE/type/severity" joined by ';'. */
final class ParaphraseCases {
  private static final TextDamageReader READER = new TextDamageReader(new Taxonomy());

  private ParaphraseCases() {}

  static String read(String description, String make, String model) {
    Damages got = READER.read(new DamageInput(description, new VehicleDescription(2021, make, model), null, null));
    return got.damages().stream()
        .map(d -> d.partCode() + "/" + d.side() + "/" + d.damageType() + "/" + d.severity())
        .sorted()
        .collect(Collectors.joining(";"));
  }

  static String read(String description) {
    return read(description, "Toyota", "Camry");
  }

  static String sorted(String expected) {
    if (expected == null || expected.isBlank() || expected.equals("-")) {
      return "";
    }
    return List.of(expected.split(";")).stream().map(String::trim).sorted().collect(Collectors.joining(";"));
  }

  /** Only part and side, for the rules that decide which parts are named. */
  static String partsAndSides(String description) {
    return List.of(read(description).split(";")).stream()
        .filter(s -> !s.isBlank())
        .map(s -> s.split("/")[0] + "/" + s.split("/")[1])
        .sorted()
        .collect(Collectors.joining(";"));
  }
}
