package com.carmutual.shared.gateway;

/** An image sent to a vision-capable model, with a name the model's answer can refer to. */
public record ImageInput(String name, String mediaType, byte[] data) {}
