package com.carmutual.vin.decode;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Compiles every vPIC schema on a background thread once the service has started, so the first
 * decode of each maker does not pay for it and start-up does not wait for it.
 */
@Singleton
@Requires(property = "vin.decode.precompile", notEquals = "false")
final class Precompiler {
  private final VinDecoder decoder;

  Precompiler(VinDecoder decoder) {
    this.decoder = decoder;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    Thread t = new Thread(decoder::precompile, "vin-precompile");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
