package com.carmutual.shared.app;

import com.carmutual.shared.llmops.eval.experiment.EvalCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/**
 * Starts a service. Every service's {@code main} calls this, so command-line modes shared by all
 * services (such as {@code eval}) are added in one place.
 */
public final class SuiteApplication {
  private SuiteApplication() {}

  /**
   * Starts the service, or with {@code eval} as first argument runs experiments without the HTTP
   * server and exits with their status ({@code eval --help} lists the options).
   */
  public static ApplicationContext run(Class<?> mainClass, String... args) {
    if (args.length > 0 && "eval".equals(args[0])) {
      System.exit(EvalCommand.main(mainClass, java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    return Micronaut.build(args).mainClass(mainClass).banner(false).start();
  }
}
