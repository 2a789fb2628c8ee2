package com.carmutual.claims.pricing;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Estimate totals, exact to the cent: {@code linesTotal} is the sum of line amounts and equals
 * parts + labour + paint materials + sublet; gross adds tax; the member pays up to the deductible,
 * the mutual pays the rest.
 */
@Serdeable
public record Totals(
    BigDecimal partsTotal,
    Map<String, BigDecimal> laborByType,
    BigDecimal laborTotal,
    BigDecimal laborHours,
    BigDecimal refinishHours,
    BigDecimal paintMaterialsTotal,
    BigDecimal subletTotal,
    BigDecimal linesTotal,
    BigDecimal tax,
    BigDecimal grossTotal,
    BigDecimal deductible,
    BigDecimal customerPays,
    BigDecimal insurerPays) {}
