package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.budget.BudgetExceededException;
import com.carmutual.shared.gateway.budget.Budgets;
import com.carmutual.shared.web.Caller;
import io.micronaut.context.BeanContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens around one structured, chat or streamed call, so the gateway's template stays the call
 * itself: before it, the call's estimated cost is reserved on its budgets (or it is refused, or
 * sent to the budget's cheaper route); after it, the reservation is settled from the reported
 * usage (by the call's bookkeeping, through its {@link CallTicket}) and {@link CallObserver}s are
 * told. Shadow calls skip both.
 */
final class CallPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(CallPipeline.class);
  /** Prompt characters per token assumed by the estimate: fewer than tokenizers average, so it errs high. */
  static final int CHARS_PER_TOKEN = 3;
  /** Output tokens assumed when a route sets no max-tokens. */
  static final int DEFAULT_MAX_TOKENS = 1024;

  private final Routing routing;
  private final BeanContext context;
  private final JsonMapper json;
  private volatile Hooks hooks;

  private record Hooks(Optional<Budgets> budgets, List<CallObserver> observers) {}

  CallPipeline(Routing routing, BeanContext context, JsonMapper json) {
    this.routing = routing;
    this.context = context;
    this.json = json;
  }

  <T> T structured(StructuredRequest<T> request, Supplier<T> call) {
    return around(request.task(), request, () -> structuredPromptChars(request), true, CallPipeline::refuse, call);
  }

  ChatResponse chat(String task, List<ChatMessage> messages, Supplier<ChatResponse> call) {
    return around(task, null, () -> chars(messages), false, CallPipeline::refuse, call);
  }

  /** A streamed call: priced like a chat call; a refusal goes to {@code listener}, as every stream's failure. */
  void stream(String task, Object input, StreamListener listener, Runnable call) {
    around(task, null, () -> streamedChars(input), false, e -> {
      listener.onError(e);
      return null;
    }, () -> {
      call.run();
      return null;
    });
  }

  private interface Chars {
    long count();
  }

  private static <T> T refuse(BudgetExceededException e) {
    throw e;
  }

  private <T> T around(
      String task, StructuredRequest<?> request, Chars chars, boolean structured,
      Function<BudgetExceededException, T> refused, Supplier<T> call) {
    if (ShadowCalls.active()) {
      CallTicket ticket = CallTicket.open(null);
      T out = null;
      try {
        out = call.get();
        return out;
      } finally {
        ticket.close();
        tell(ticket, task, request, out, true);
      }
    }
    Hooks h = hooks();
    Budgets.Reservation reservation = null;
    String reroute = null;
    String client = client();
    if (h.budgets().isPresent() && h.budgets().get().applies(task, client)) {
      Estimate e = estimate(task, chars, structured);
      if (e != null) {
        try {
          reservation = h.budgets().get().reserve(task, client, e.micros, e.tokens);
        } catch (BudgetExceededException ex) {
          if (ex.fallbackRoute() == null) {
            return refused.apply(ex);
          }
          h.budgets().get().rerouted(ex.budget());
          reroute = ex.fallbackRoute();
        }
      }
    }
    CallTicket ticket = CallTicket.open(reservation);
    T out = null;
    try {
      out = reroute == null ? call.get()
          : GatewayOverrides.with(Map.of(task, new TaskVersion(reroute, null)), call);
      return out;
    } finally {
      ticket.close();
      tell(ticket, task, request, out, false);
    }
  }

  private void tell(CallTicket ticket, String task, StructuredRequest<?> request, Object out, boolean shadow) {
    List<CallObserver> observers = hooks().observers();
    if (observers.isEmpty() || !ticket.finished) {
      return;
    }
    ObservedCall observed = new ObservedCall(ticket.callId, task, request, out, ticket.outcome, ticket.errorKind,
        ticket.routeVersion, ticket.promptVersion, ticket.cost, ticket.inputTokens, ticket.outputTokens,
        ticket.latencyMicros, shadow);
    for (CallObserver o : observers) {
      try {
        o.observe(observed);
      } catch (RuntimeException e) {
        LOG.warn("call observer {} failed: {}", o.getClass().getName(), e.toString());
      }
    }
  }

  private record Estimate(long micros, long tokens) {}

  /**
   * An upper estimate of one call: prompt characters over {@link #CHARS_PER_TOKEN} plus the route's
   * max tokens, priced at the dearest remote target; twice that for a structured call, which may
   * send one repair. Null when the route has only the local target (it costs nothing).
   */
  private Estimate estimate(String task, Chars chars, boolean structured) {
    Routing.Resolved resolved;
    try {
      resolved = routing.resolve(task);
    } catch (LlmException e) {
      return null; // the call itself reports the missing route
    }
    GatewayConfig.Route route = resolved.route();
    long promptChars = chars.count();
    if (structured) {
      promptChars += routing.prompts().structured(task, resolved.promptVersion()).literals().stream()
          .mapToLong(String::length).sum();
    }
    long in = promptChars / CHARS_PER_TOKEN + 1;
    long out = route.maxTokens() != null ? route.maxTokens() : DEFAULT_MAX_TOKENS;
    BigDecimal dearest = null;
    for (GatewayConfig.Target t : route.targets()) {
      if (t.local()) {
        continue;
      }
      BigDecimal c = routing.config().price(t.provider(), t.model())
          .map(p -> p.input().multiply(BigDecimal.valueOf(in)).add(p.output().multiply(BigDecimal.valueOf(out)))
              .movePointLeft(6))
          .orElse(BigDecimal.ZERO);
      dearest = dearest == null || c.compareTo(dearest) > 0 ? c : dearest;
    }
    if (dearest == null) {
      return null;
    }
    int times = structured ? 2 : 1;
    return new Estimate(Budgets.micros(dearest) * times, (in + out) * times);
  }

  private long structuredPromptChars(StructuredRequest<?> request) {
    long n = 0;
    try {
      n += json.writeValueAsString(request.input()).length();
      for (Object v : request.variables().values()) {
        n += v instanceof String s ? s.length() : json.writeValueAsString(v).length();
      }
    } catch (IOException | RuntimeException e) {
      // the call itself reports an input it cannot write; the estimate takes what it counted
    }
    return n;
  }

  private static long chars(List<?> messages) {
    long n = 0;
    for (Object m : messages) {
      String content = m instanceof ChatMessage c ? c.content() : null;
      n += content == null ? 0 : content.length();
    }
    return n;
  }

  private long streamedChars(Object input) {
    if (input instanceof String s) {
      return s.length();
    }
    if (input instanceof List<?> list && list.stream().allMatch(ChatMessage.class::isInstance)) {
      return chars(list);
    }
    try {
      return json.writeValueAsString(input).length();
    } catch (IOException | RuntimeException e) {
      return 0; // the call itself reports an input it cannot write
    }
  }

  private static String client() {
    try {
      return Caller.client().orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Hooks hooks() {
    Hooks h = hooks;
    if (h == null) {
      // looked up lazily: observers use the gateway
      List<CallObserver> observers;
      try {
        observers = List.copyOf(context.getBeansOfType(CallObserver.class));
      } catch (RuntimeException e) {
        // a broken observer must not break calls: they go on without challengers and guardrails
        LOG.error("call observers could not be created; calls run without them", e);
        observers = List.of();
      }
      h = new Hooks(context.findBean(Budgets.class), observers);
      hooks = h;
    }
    return h;
  }
}
