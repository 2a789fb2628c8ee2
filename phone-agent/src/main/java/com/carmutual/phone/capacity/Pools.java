package com.carmutual.phone.capacity;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The service's own thread pools, each bounded in threads and queue (see {@link CapacitySettings}). */
@Factory
final class Pools {
  @Singleton
  @Named(BoundedPool.RELAY)
  @Bean(preDestroy = "close")
  BoundedPool relay(CapacitySettings settings) {
    return new BoundedPool(BoundedPool.RELAY, settings.relayThreads(), settings.relayQueue());
  }

  @Singleton
  @Named(BoundedPool.EXTRACT)
  @Bean(preDestroy = "close")
  BoundedPool extract(CapacitySettings settings) {
    return new BoundedPool(BoundedPool.EXTRACT, settings.extractThreads(), settings.extractQueue());
  }
}
