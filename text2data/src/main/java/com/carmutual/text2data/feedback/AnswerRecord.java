package com.carmutual.text2data.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** One answer given (the semantic query and SQL as JSON/text), so feedback can refer to it by id. */
@MappedEntity("text2data_answers")
public record AnswerRecord(
    @Id String id,
    @Nullable String question,
    LocalDate asOf,
    @Nullable String conversationId,
    String status,
    @Nullable String semanticQuery,
    @Nullable String sqlText,
    @Nullable String runId,
    Instant createdAt) {}
