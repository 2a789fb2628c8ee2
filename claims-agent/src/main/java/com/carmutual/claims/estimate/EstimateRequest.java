package com.carmutual.claims.estimate;

import com.carmutual.claims.intake.ClaimReport;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Input of the {@code claims.estimate} workflow: the claim, its report and its photos' names. */
@Serdeable
public record EstimateRequest(String claimId, ClaimReport report, List<String> photos) {}
