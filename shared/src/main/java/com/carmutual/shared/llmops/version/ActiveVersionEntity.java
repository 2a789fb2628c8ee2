package com.carmutual.shared.llmops.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The version a task was switched to at run time; a null part keeps the configured default. */
@MappedEntity("llmops_active_version")
record ActiveVersionEntity(
    @Id String task,
    @Nullable String routeVersion,
    @Nullable String promptVersion,
    String switchedBy,
    Instant switchedAt) {}
