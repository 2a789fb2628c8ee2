package com.carmutual.vin.match;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Output of task {@code vin.rerank}: the same catalog ids, most likely first, and why. */
@Serdeable
public record RerankOutput(List<String> order, String reason) {}
