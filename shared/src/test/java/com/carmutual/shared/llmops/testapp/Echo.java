package com.carmutual.shared.llmops.testapp;

import io.micronaut.serde.annotation.Serdeable;

/** The test task's input and output: a text. */
@Serdeable
public record Echo(String text) {}
