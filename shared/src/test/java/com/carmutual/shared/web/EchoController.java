package com.carmutual.shared.web;

import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.validation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** A controller that exists only in tests, to exercise the cross-cutting behaviour. */
@Controller("/test-echo")
@Validated
class EchoController {
  @Serdeable
  record EchoRequest(@NotBlank String text, @Size(max = 5) String code) {}

  @Post
  Map<String, String> echo(@Body @Valid EchoRequest request) {
    return Map.of("text", request.text(), "client", Caller.client().orElse("-"));
  }

  @Get("/fail/{what}")
  String fail(@PathVariable String what) {
    if (what.equals("busy")) {
      throw new com.carmutual.shared.problem.BusyException("echo-busy", "all echo slots are taken", java.time.Duration.ofMillis(1500));
    }
    if (what.equals("domain")) {
      throw ProblemException.badRequest("echo-refused", "refused: " + what);
    }
    throw new IllegalStateException("secret internal detail");
  }
}
