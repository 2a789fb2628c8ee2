package com.carmutual.claims.pricing;

import com.carmutual.claims.plan.RepairLine;
import com.carmutual.claims.vehicle.Vehicle;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/** Input of the pricing node: the vehicle (its class sets part prices), the lines and the member's deductible. */
@Serdeable
public record PriceInput(Vehicle vehicle, List<RepairLine> lines, @Nullable BigDecimal deductible) {}
