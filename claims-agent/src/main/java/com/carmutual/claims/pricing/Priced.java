package com.carmutual.claims.pricing;

import com.carmutual.claims.plan.RepairLine;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Output of the pricing node: every line with its price and amount (paint materials included as a line) and the totals. */
@Serdeable
public record Priced(List<RepairLine> lines, Totals totals) {}
