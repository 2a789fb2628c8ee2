/**
 * Matching a decoded VIN and hint to catalog rows: deterministic scoring, the {@code vin.rerank}
 * LLM node with its local implementation, the evaluation target and scorer. Values are non-null
 * unless marked {@code @Nullable}.
 */
package com.carmutual.vin.match;
