package com.carmutual.shared.llmops.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One shared-memory context: its value as JSON text and when it expires. */
@MappedEntity("llmops_memory")
record MemoryEntity(
    @Id String contextId,
    String valueJson,
    @Nullable String valueType,
    Instant expiresAt,
    Instant updatedAt) {}
