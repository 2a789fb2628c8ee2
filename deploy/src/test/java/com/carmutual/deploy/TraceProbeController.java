package com.carmutual.deploy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** A service that calls another one over HTTP, as claims-agent calls vin-matching. */
@Controller("/trace-probe")
@Requires(property = "trace-probe.enabled", value = "true")
class TraceProbeController {
  private final HttpClient downstream;

  TraceProbeController(@Client(id = "downstream") HttpClient downstream) {
    this.downstream = downstream;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  String call() {
    return downstream.toBlocking().retrieve("/downstream");
  }
}
