package com.carmutual.shared.llmops.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One switch of a task's active version: who, when, from, to, and whether it was a rollback. */
@Serdeable
@MappedEntity("llmops_version_audit")
record VersionAuditEntity(
    @Id String id,
    String task,
    String action,
    @Nullable String fromRoute,
    @Nullable String fromPrompt,
    @Nullable String toRoute,
    @Nullable String toPrompt,
    String actor,
    @Nullable String reason,
    Instant at) {}
