package com.carmutual.claims.intake;

import com.carmutual.claims.damage.DamageAnnotation;
import com.carmutual.claims.vehicle.VehicleDescription;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The claim report a member files: who, which vehicle (VIN and/or year-make-model), when and where
 * the loss happened, what they saw (English or Chinese), optional structured damage annotations,
 * and optionally the deductible and the vehicle's value when the policy system knows them.
 *
 * <p>Phone intake (phone-agent's {@code ClaimOutbox}) identifies the vehicle by {@code plate} only
 * and adds what the caller told the assistant (reporter, time, injuries, police report, other party,
 * drivability, language, call id); these are stored with the report for adjusters. Unknown fields
 * are ignored, so a producer adding a field never makes intake fail.
 */
@Serdeable
public record ClaimReport(
    @Nullable String memberId,
    @Nullable String vin,
    @Nullable VehicleDescription vehicle,
    @Nullable LocalDate lossDate,
    @Nullable String lossLocation,
    @Nullable String lossPlace,
    @Nullable String description,
    @Nullable List<DamageAnnotation> damages,
    @Nullable BigDecimal deductible,
    @Nullable BigDecimal vehicleValue,
    @Nullable String plate,
    @Nullable String reporterName,
    @Nullable String lossTime,
    @Nullable Boolean injuries,
    @Nullable Boolean policeReport,
    @Nullable Boolean otherPartyInvolved,
    @Nullable Boolean vehicleDrivable,
    @Nullable String language,
    @Nullable String source,
    @Nullable String callSid) {

  /** Where the loss happened, whichever of the two field names the caller used. */
  public String place() {
    return lossLocation != null && !lossLocation.isBlank() ? lossLocation : lossPlace;
  }
}
