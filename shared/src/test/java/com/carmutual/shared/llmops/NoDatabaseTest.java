package com.carmutual.shared.llmops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.ActiveVersions;
import com.carmutual.shared.gateway.AnswerSource;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.gateway.ImageInput;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A context without a datasource (some shared tests) keeps a working gateway: no stored hooks. */
class NoDatabaseTest {

  @Test
  void withoutADatasourceTheGatewayRunsWithoutAnnotationReplyOrSwitchedVersions() {
    try (ApplicationContext ctx = ApplicationContext.run("test")) {
      assertTrue(ctx.getBeansOfType(ActiveVersions.class).isEmpty());
      assertTrue(ctx.getBeansOfType(AnswerSource.class).isEmpty());
      assertEquals("HI", ctx.getBean(LlmGateway.class).structured("test.shout", "hi", String.class));
    }
  }

  /** A local task present only in this test's context. */
  @Singleton
  @Requires(env = "test")
  @Requires(missingProperty = "datasources.default.url")
  static final class Shout implements LocalTask<String, String> {
    @Override
    public String task() {
      return "test.shout";
    }

    @Override
    public String run(String input, List<ImageInput> images) {
      return input.toUpperCase(Locale.ROOT);
    }
  }
}
