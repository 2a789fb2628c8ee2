package com.carmutual.claims.damage;

import com.carmutual.claims.vehicle.VehicleDescription;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The typed input of task {@code claims.damage}: the member's description (English or Chinese),
 * the vehicle as reported, structured annotations if the member gave any, and the names of the
 * photos sent alongside (the images themselves travel as gateway image inputs).
 */
@Serdeable
public record DamageInput(
    String description,
    @Nullable VehicleDescription vehicle,
    @Nullable List<DamageAnnotation> annotations,
    @Nullable List<String> photos) {

  public DamageInput {
    description = description == null ? "" : description;
    annotations = annotations == null ? List.of() : List.copyOf(annotations);
    photos = photos == null ? List.of() : List.copyOf(photos);
  }
}
