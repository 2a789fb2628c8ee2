package com.carmutual.shared.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Which route version and prompt version a task runs with; a null part means "the configured
 * default". Route version {@code local} always exists and sends the task to the local provider.
 */
@Serdeable
public record TaskVersion(@Nullable String routeVersion, @Nullable String promptVersion) {}
