package com.carmutual.claims.plan;

import com.carmutual.claims.flag.Flag;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Output of the planning node: unpriced lines and the flags the rules raised (likely supplements, checks). */
@Serdeable
public record Plan(List<RepairLine> lines, List<Flag> flags) {}
