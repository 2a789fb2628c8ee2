package com.carmutual.shared.app;

import com.carmutual.shared.llmops.eval.experiment.EvalCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Starts a service. Every service's {@code main} calls this, so command-line modes shared by all
 * services (such as {@code eval}) are added in one place.
 */
public final class SuiteApplication {
  /**
   * With this system property set to true the service starts, answers one {@code /health} request
   * through its own server and exits 0: the training run that records a class-data sharing archive
   * ({@code -XX:ArchiveClassesAtExit}), done once per build by {@code deploy/local/run.sh} and the
   * container image, so that every later start maps the classes instead of loading them.
   */
  static final String TRAINING_RUN = "suite.training-run";

  private SuiteApplication() {}

  /**
   * Starts the service, or with {@code eval} as first argument runs experiments without the HTTP
   * server and exits with their status ({@code eval --help} lists the options).
   */
  public static ApplicationContext run(Class<?> mainClass, String... args) {
    if (args.length > 0 && "eval".equals(args[0])) {
      System.exit(EvalCommand.main(mainClass, java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    ApplicationContext context = Micronaut.build(args).mainClass(mainClass).banner(false).start();
    if (Boolean.getBoolean(TRAINING_RUN)) {
      System.exit(trainingRun(context));
    }
    return context;
  }

  /** One health request through the running server, then a clean stop; 0 when it answered 200. */
  static int trainingRun(ApplicationContext context) {
    try (context) {
      URI health = context.getBean(EmbeddedServer.class).getURI().resolve("/health");
      HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      System.out.println("training run: " + health + " answered " + answer.statusCode());
      return answer.statusCode() == 200 ? 0 : 1;
    } catch (IOException e) {
      System.err.println("training run: no answer from the service: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
