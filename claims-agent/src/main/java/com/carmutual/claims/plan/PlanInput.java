package com.carmutual.claims.plan;

import com.carmutual.claims.damage.Damage;
import com.carmutual.claims.vehicle.Vehicle;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** Input of the planning node: the vehicle, the loss date (for part-type policy by age) and the damages. */
@Serdeable
public record PlanInput(Vehicle vehicle, @Nullable LocalDate lossDate, List<Damage> damages) {}
