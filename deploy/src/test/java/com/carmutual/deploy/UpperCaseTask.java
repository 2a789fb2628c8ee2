package com.carmutual.deploy;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/** A service's deterministic task, answered by the gateway's local provider. */
@Singleton
@Requires(property = "metrics-probe.enabled", value = "true")
class UpperCaseTask implements LocalTask<UpperCaseTask.Text, UpperCaseTask.Text> {
  @Serdeable
  record Text(String text) {}

  @Override
  public String task() {
    return "deploy.upper";
  }

  @Override
  public Text run(Text input, List<ImageInput> images) {
    return new Text(input.text().toUpperCase(Locale.ROOT));
  }
}
