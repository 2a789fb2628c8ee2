package com.carmutual.text2data.feedback;

import com.carmutual.text2data.query.SemanticQuery;
import io.micronaut.serde.annotation.Serdeable;

/** What a conversation remembers between questions: the last answered query. */
@Serdeable
public record ConversationState(String lastQuestion, SemanticQuery lastQuery) {}
