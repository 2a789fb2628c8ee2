package com.carmutual.phone.understand;

import com.carmutual.shared.gateway.CallScope;
import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import com.carmutual.phone.capacity.BoundedPool;
import com.carmutual.phone.privacy.LogMask;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node {@code phone.extract}: asks the gateway (whatever provider the task is routed to) within a
 * deadline well inside Twilio's 15 s webhook limit, and falls back to the deterministic parsers
 * when the gateway fails or the deadline passes, so a turn is always answered.
 */
@Singleton
public final class Understanding {
  /** The gateway task name. */
  public static final String TASK = "phone.extract";

  private static final Logger LOG = LoggerFactory.getLogger(Understanding.class);
  private final LlmGateway gateway;
  private final Duration deadline;
  private final DeterministicExtractor fallback = new DeterministicExtractor();
  private final Executor executor;

  private final boolean viaGateway;

  Understanding(LlmGateway gateway, @Value("${phone.extract.deadline:4s}") Duration deadline,
      @Value("${phone.extract.mode:auto}") String mode, Environment environment,
      @Named(BoundedPool.EXTRACT) Executor executor) {
    this.gateway = gateway;
    this.executor = executor;
    this.deadline = deadline;
    this.viaGateway = switch (mode) {
      case "gateway" -> true;
      case "local" -> false;
      default -> routed(environment);
    };
    LOG.info("phone.extract runs {}", viaGateway ? "through the gateway with a " + deadline + " deadline" : "on the local parsers (no route configured)");
  }

  /**
   * True when configuration routes {@code phone.extract} somewhere. Without a route the gateway would
   * send the task to its local provider, which runs these same parsers; calling them directly keeps
   * the offline webhook turn free of the gateway's tracing and redaction work.
   */
  static boolean routed(Environment environment) {
    return environment.getProperties("llm.routes").values().stream().anyMatch(v -> TASK.equals(String.valueOf(v)));
  }

  /** The slots {@code input} fills; never fails (the deterministic parsers answer last). */
  public Extraction extract(ExtractInput input) {
    if (!viaGateway) {
      return fallback.extract(input);
    }
    Optional<CallScope.Scope> scope = CallScope.current();
    CompletableFuture<Extraction> call;
    try {
      call = CompletableFuture.supplyAsync(
          () ->
              scope
                  .map(s -> CallScope.within(s.runId(), s.node(), () -> gateway.structured(TASK, input, Extraction.class)))
                  .orElseGet(() -> gateway.structured(TASK, input, Extraction.class)),
          executor);
    } catch (RejectedExecutionException e) {
      LOG.warn("phone.extract pool is full; using the deterministic parsers for this turn");
      return fallback.extract(input);
    }
    try {
      Extraction out = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      return out == null || out.values() == null ? fallback.extract(input) : out;
    } catch (TimeoutException e) {
      call.cancel(true);
      LOG.warn("phone.extract passed its {} deadline; using the deterministic parsers", deadline);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LlmException le) {
        LOG.info("phone.extract failed ({}); using the deterministic parsers", le.kind());
      } else {
        // the message of an unexpected failure may quote the caller's words: class and masked message only
        LOG.warn("phone.extract failed ({}: {}); using the deterministic parsers", e.getCause().getClass().getSimpleName(),
            LogMask.text(e.getCause().getMessage()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return fallback.extract(input);
  }
}
