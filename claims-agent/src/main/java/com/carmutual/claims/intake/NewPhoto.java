package com.carmutual.claims.intake;

/** A photo as uploaded: the client's file name and the bytes. */
public record NewPhoto(String fileName, byte[] bytes) {}
