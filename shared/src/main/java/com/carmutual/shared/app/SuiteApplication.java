package com.carmutual.shared.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/**
 * Starts a service. Every service's {@code main} calls this, so command-line modes shared by all
 * services (such as {@code eval}) are added in one place.
 */
public final class SuiteApplication {
  private SuiteApplication() {}

  public static ApplicationContext run(Class<?> mainClass, String... args) {
    return Micronaut.build(args).mainClass(mainClass).banner(false).start();
  }
}
