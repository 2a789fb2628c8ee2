package com.carmutual.shared.llmops.testapp;

import com.carmutual.shared.gateway.LlmGateway;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Answers {@code test.echo} through the gateway and lets its exceptions reach the problem handlers. */
@Controller("/test/echo")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(env = "llmops")
public class EchoAnswerController {
  private final LlmGateway gateway;

  EchoAnswerController(LlmGateway gateway) {
    this.gateway = gateway;
  }

  @Post
  Echo answer(@Body Echo input) {
    return gateway.structured(EchoTask.TASK, input, Echo.class);
  }
}
