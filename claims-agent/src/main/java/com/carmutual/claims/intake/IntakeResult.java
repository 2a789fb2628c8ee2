package com.carmutual.claims.intake;

/** What intake did: the claim id, and whether this was a replay of an earlier request with the same idempotency key. */
public record IntakeResult(String claimId, boolean replayed) {}
