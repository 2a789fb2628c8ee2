package com.carmutual.claims.intake;

import java.nio.file.Path;

/** A photo as uploaded: the client's file name and the file its bytes were streamed to (see {@link ClaimService#uploadFile()}). */
public record NewPhoto(String fileName, Path file) {}
