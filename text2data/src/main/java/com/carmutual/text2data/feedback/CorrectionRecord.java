package com.carmutual.text2data.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An analyst-confirmed semantic query for a question (keyed by the normalized question). */
@MappedEntity("text2data_corrections")
record CorrectionRecord(
    @Id String id,
    String questionKey,
    String question,
    @Nullable String answerId,
    String semanticQuery,
    String author,
    Instant createdAt) {}
