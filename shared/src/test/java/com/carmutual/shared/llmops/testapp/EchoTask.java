package com.carmutual.shared.llmops.testapp;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/** The local implementation of {@code test.echo}: the text in upper case. */
@Singleton
@Requires(env = "llmops")
public final class EchoTask implements LocalTask<Echo, Echo> {
  public static final String TASK = "test.echo";

  @Override
  public String task() {
    return TASK;
  }

  @Override
  public Echo run(Echo input, List<ImageInput> images) {
    return new Echo(input.text().toUpperCase(Locale.ROOT));
  }
}
