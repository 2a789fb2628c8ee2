package com.carmutual.claims.damage;

import com.carmutual.claims.vehicle.VehicleClass;
import com.carmutual.claims.vehicle.VehicleDescription;
import io.micronaut.core.annotation.Nullable;

/**
 * Settles a part family to a part code with the position said (front/rear), whether a side was
 * said, what damage it has and the vehicle: a rear bumper, a quarter panel said to be at the front (then a fender),
 * a trunk that is an SUV's liftgate, a pickup's tailgate, a flat "wheel" that is the tire.
 */
final class PartResolver {
  private PartResolver() {}

  /** The part code, or null when the words name no part of this vehicle (a "bed" of a sedan). */
  static @Nullable String resolve(String value, @Nullable String pos, boolean ownPos, boolean sideSaid, boolean punctured, @Nullable VehicleDescription vehicle) {
    boolean rear = "rear".equals(pos);
    boolean front = "front".equals(pos);
    String make = vehicle == null ? null : vehicle.make();
    String model = vehicle == null ? null : vehicle.model();
    boolean known = model != null && !model.isBlank();
    boolean pickup = known && VehicleClass.isPickup(make, model, null);
    boolean liftgate = known && VehicleClass.hasLiftgate(make, model, null);
    return switch (value) {
      case "@BUMPER" -> rear ? "REAR_BUMPER_COVER" : "FRT_BUMPER_COVER";
      case "@REINF" -> rear ? "REAR_BUMPER_REINF" : "FRT_BUMPER_REINF";
      case "@FENDER" -> ownPos && rear ? "QUARTER_PANEL" : "FENDER";
      case "@QUARTER" -> ownPos && front ? "FENDER" : "QUARTER_PANEL";
      case "@LAMP" -> rear ? "TAIL_LAMP" : "HEADLAMP";
      case "@RADAR" -> rear ? "BSM_RADAR" : "FRT_RADAR";
      case "@DOOR" -> ownPos && rear ? "REAR_DOOR_SHELL" : "FRT_DOOR_SHELL";
      case "@TRUNK" -> pickup ? "TAILGATE_PICKUP" : liftgate ? "LIFTGATE" : "TRUNK_LID";
      case "@TAILGATE" -> known && !pickup ? "LIFTGATE" : "TAILGATE_PICKUP";
      case "@WHEEL" -> punctured ? "TIRE" : "WHEEL_ALLOY";
      case "WHEEL_ALLOY" -> punctured ? "TIRE" : "WHEEL_ALLOY";
      case "@NONE" -> null;
      case "BEDSIDE_PICKUP" -> known && !pickup ? null : value;
      case "@WINDOW" -> {
        if (ownPos && front && !sideSaid) {
          yield "WINDSHIELD";
        }
        yield ownPos && rear && !sideSaid ? "BACK_GLASS" : "DOOR_GLASS";
      }
      default -> value;
    };
  }
}
