package com.carmutual.claims.photo;

/** A photo already stored with another claim, for the near-duplicate check. */
public record KnownPhoto(String claimId, String fileName, String sha256, String dhash) {}
