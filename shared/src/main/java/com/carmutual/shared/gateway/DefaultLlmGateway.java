package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.local.LocalEmbeddings;
import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.gateway.provider.ModelProvider;
import com.carmutual.shared.gateway.provider.ProviderFailure;
import com.carmutual.shared.gateway.provider.ProviderReply;
import com.carmutual.shared.gateway.provider.ProviderRequest;
import com.carmutual.shared.gateway.provider.ProviderSettings;
import com.carmutual.shared.gateway.provider.Providers;
import com.carmutual.shared.gateway.redact.Redactor;
import com.carmutual.shared.gateway.schema.JsonSchemas;
import com.carmutual.shared.gateway.schema.SchemaValidator;
import com.carmutual.shared.gateway.trace.CallTraces;
import com.carmutual.shared.gateway.trace.PendingCall;
import com.carmutual.shared.web.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.BeanContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway as a template method: resolves the task's route and versions, asks the answer
 * sources, then walks the route's targets in order with per-attempt timeouts, retries with
 * backoff (honouring {@code Retry-After}), a circuit per provider, schema checks with one repair,
 * redaction before any remote provider, an exact-match cache for deterministic calls, and one
 * trace row, span and listener event per call. Providers only translate.
 */
@Singleton
final class DefaultLlmGateway implements LlmGateway {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultLlmGateway.class);
  static final String OK = "ok";
  static final String FALLBACK = "fallback";
  static final String CACHED = "cached";
  static final String ANSWERED_BY_SOURCE = "answered_by_source";
  static final String ERROR = "error";

  private final Routing routing;
  private final GatewayConfig config;
  private final JsonMapper json;
  private final BeanContext context;
  private final LocalEmbeddings embeddings;
  private final CallTraces traces;
  private final Clock clock;
  private final Redactor redactor;
  private final GenAiSpans spans;
  private final Map<String, ModelProvider> providers = new HashMap<>();
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private final Cache<CacheKey, Cached> cache;
  private final StreamingCalls streaming;
  private final CallPipeline pipeline;
  private volatile Hooks hooks;

  /** Beans found lazily, since some of them (annotation reply, local tasks) use the gateway. */
  private record Hooks(
      Map<String, LocalTask<Object, Object>> locals, List<AnswerSource> sources, List<LlmCallListener> listeners) {}

  private record CacheKey(String task, String provider, String model, String promptVersion, String input) {}

  private record Cached(String text, String model) {}

  DefaultLlmGateway(
      Routing routing, JsonMapper json, BeanContext context, LocalEmbeddings embeddings, CallTraces traces,
      Clock clock) {
    this.routing = routing;
    this.config = routing.config();
    this.json = json;
    this.context = context;
    this.embeddings = embeddings;
    this.traces = traces;
    this.clock = clock;
    GatewayConfig.Tuning tuning = config.tuning();
    this.redactor = new Redactor(tuning.memberIdPattern());
    this.spans = new GenAiSpans(context);
    for (ProviderSettings s : config.providers().values()) {
      providers.put(s.name(), Providers.create(s, json));
      breakers.put(s.name(), new CircuitBreaker(tuning.circuitFailureThreshold(), tuning.circuitOpenFor().toNanos()));
    }
    this.cache = Caffeine.newBuilder().maximumSize(tuning.cacheMaxSize()).expireAfterWrite(tuning.cacheTtl()).build();
    this.streaming = new StreamingCalls(routing, providers, breakers, redactor, traces, spans, clock, json, context, this::cost);
    this.pipeline = new CallPipeline(routing, context, json);
    warnAboutMissingKeys();
  }

  @Override
  public void stream(String task, Object input, StreamListener listener) {
    streaming.stream(task, input, listener);
  }

  @Override
  public boolean routedToModel(String task) {
    return streaming.routedToModel(task);
  }

  // ---------------------------------------------------------------- structured

  @Override
  public <T> T structured(StructuredRequest<T> request) {
    return pipeline.structured(request, () -> doStructured(request));
  }

  private <T> T doStructured(StructuredRequest<T> request) {
    Call call = new Call(request.task(), "chat");
    Routing.Resolved resolved;
    try {
      resolved = routing.resolve(request.task());
    } catch (LlmException e) {
      call.fail(null, e);
      throw e;
    }
    call.resolved = resolved;
    Class<T> type = request.outputType();
    JsonSchemas.OutputSchema schema = null;
    String inputJson = null;

    List<AnswerSource> sources = hooks().sources();
    if (!sources.isEmpty()) {
      try {
        inputJson = json.writeValueAsString(request.input());
      } catch (IOException | RuntimeException e) {
        // an input that cannot be JSON cannot match an annotation either; the local path still works
        LOG.debug("input of {} is not serialisable, answer sources skipped: {}", request.task(), e.toString());
        sources = List.of();
      }
      schema = JsonSchemas.of(type);
      for (AnswerSource source : sources) {
        var preset = source.answer(request.task(), inputJson);
        if (preset.isPresent()) {
          Parsed<T> parsed = parse(preset.get().outputJson(), type, schema);
          if (parsed.value != null) {
            call.provider = "answer-source";
            call.model = preset.get().source();
            call.input = inputJson;
            call.output = preset.get().outputJson();
            call.parsed = parsed.value;
            call.finish(ANSWERED_BY_SOURCE, null);
            return parsed.value;
          }
          LOG.warn("answer source {} gave an answer for {} that does not fit {}: {}",
              preset.get().source(), request.task(), type.getSimpleName(), parsed.errors);
        }
      }
    }

    GatewayConfig.Route route = resolved.route();
    Prepared prepared = null;
    int index = 0;
    for (GatewayConfig.Target target : route.targets()) {
      index++;
      if (call.deadlinePassed()) {
        break;
      }
      if (target.local()) {
        T value = runLocal(call, request, target, index);
        if (value != null) {
          return value;
        }
        continue;
      }
      if (prepared == null) {
        if (inputJson == null) {
          inputJson = toJson(request.task(), request.input());
        }
        if (schema == null) {
          schema = JsonSchemas.of(type);
        }
        prepared = prepare(request, resolved, inputJson, schema);
        call.input = prepared.redactedPrompt;
        call.redaction = prepared.session;
      }
      T value = runRemote(call, prepared, target, index, type, schema);
      if (value != null) {
        return value;
      }
    }
    LlmException failure = call.failure();
    call.fail(null, failure);
    throw failure;
  }

  @SuppressWarnings("unchecked")
  private <T> T runLocal(Call call, StructuredRequest<T> request, GatewayConfig.Target target, int index) {
    LocalTask<Object, Object> task = hooks().locals().get(request.task());
    long t0 = System.nanoTime();
    if (task == null) {
      call.attempt("local", null, "no_local_implementation", "no local implementation is registered", t0);
      call.lastKind = LlmException.Kind.NO_LOCAL_IMPLEMENTATION;
      call.lastError = "no local implementation is registered for this task (a LocalTask bean with task() = \""
          + request.task() + "\")";
      return null;
    }
    Object out;
    try {
      out = task.run(request.input(), request.images());
    } catch (LlmException e) {
      call.attempt("local", null, "error", e.getMessage(), t0);
      call.lastKind = e.kind();
      call.lastError = e.getMessage();
      return null;
    } catch (RuntimeException e) {
      // The service's own deterministic code failed: its error is the caller's to see, unchanged.
      call.attempt("local", null, "error", e.toString(), t0);
      call.provider = "local";
      call.fail(e.toString(), null);
      throw e;
    }
    if (out == null || !request.outputType().isInstance(out)) {
      call.attempt("local", null, "invalid_output",
          "local task returned " + (out == null ? "null" : out.getClass().getName()), t0);
      call.lastKind = LlmException.Kind.INVALID_OUTPUT;
      call.lastError = "the local implementation returned " + (out == null ? "null" : out.getClass().getSimpleName())
          + ", not " + request.outputType().getSimpleName();
      return null;
    }
    call.attempt("local", null, OK, null, t0);
    call.provider = "local";
    call.model = null;
    call.input = request.input();
    call.parsed = out;
    call.finish(index == 1 ? OK : FALLBACK, null);
    return request.outputType().cast(out);
  }

  private <T> T runRemote(
      Call call, Prepared prepared, GatewayConfig.Target target, int index, Class<T> type,
      JsonSchemas.OutputSchema schema) {
    GatewayConfig.Route route = call.resolved.route();
    ModelProvider provider = providers.get(target.provider());
    CircuitBreaker breaker = breakers.get(target.provider());
    CacheKey key = null;
    if (cacheable(route)) {
      key = new CacheKey(call.task, target.provider(), target.model(), call.resolved.promptVersion(), prepared.cacheInput);
      Cached hit = cache.getIfPresent(key);
      if (hit != null) {
        Parsed<T> parsed = parse(hit.text, type, schema);
        if (parsed.value != null) {
          call.attempt(target.provider(), target.model(), CACHED, null, System.nanoTime());
          call.provider = target.provider();
          call.model = target.model();
          call.output = prepared.session.reapply(hit.text);
          call.parsed = parsed.value;
          call.finish(CACHED, null);
          return parsed.value;
        }
      }
    }
    ProviderRequest request = new ProviderRequest(target.model(), prepared.messages, prepared.images,
        schema.schema(), schemaName(call.task), schema.strictCompatible(), route.temperature(), route.maxTokens());
    boolean repaired = false;
    int retries = 0;
    while (true) {
      if (!breaker.allow()) {
        call.attempt(target.provider(), target.model(), "circuit_open", "circuit open", System.nanoTime());
        call.lastKind = LlmException.Kind.UNAVAILABLE;
        call.lastError = target.provider() + " circuit is open after repeated failures";
        return null;
      }
      Duration remaining = call.remaining();
      if (remaining.isZero()) {
        call.deadlineHit = true;
        return null;
      }
      Duration timeout = min(target.timeout() != null ? target.timeout() : route.timeout(), remaining);
      long t0 = System.nanoTime();
      try {
        ProviderReply reply = provider.complete(request, timeout);
        breaker.success();
        call.addUsage(target, reply);
        String restored = prepared.session.restore(reply.text());
        Parsed<T> parsed = parse(restored, type, schema);
        if (parsed.value != null) {
          call.attempt(target.provider(), target.model(), OK, null, t0);
          if (key != null) {
            cache.put(key, new Cached(restored, target.model()));
          }
          call.provider = target.provider();
          call.model = target.model();
          call.serverAddress = provider.serverAddress();
          call.reply = reply;
          call.output = reply.text();
          call.parsed = parsed.value;
          call.finish(index == 1 ? OK : FALLBACK, null);
          return parsed.value;
        }
        call.attempt(target.provider(), target.model(), "invalid_output", String.join("; ", parsed.errors), t0);
        call.lastKind = LlmException.Kind.INVALID_OUTPUT;
        call.lastError = target.provider() + "/" + target.model() + " answered outside the schema: "
            + String.join("; ", parsed.errors);
        call.output = reply.text();
        if (repaired) {
          return null;
        }
        repaired = true;
        request = repair(request, reply.text(), parsed.errors);
      } catch (ProviderFailure f) {
        call.attempt(target.provider(), target.model(), status(f), f.getMessage(), t0);
        breaker.failed(f.retriable());
        call.lastKind = f.retriable() ? LlmException.Kind.UNAVAILABLE : LlmException.Kind.REJECTED;
        call.lastError = f.getMessage();
        if (!f.retriable() || retries >= route.maxRetries()) {
          return null;
        }
        retries++;
        Duration wait = f.retryAfter() != null ? f.retryAfter() : backoff(retries);
        if (wait.compareTo(call.remaining()) >= 0) {
          return null;
        }
        sleep(wait);
      } catch (RuntimeException e) {
        // a translator bug or an unexpected reply: the probe must still end, and the caller gets an LlmException
        breaker.failure();
        call.attempt(target.provider(), target.model(), "error", e.toString(), t0);
        call.lastKind = LlmException.Kind.UNAVAILABLE;
        call.lastError = target.provider() + " failed unexpectedly: " + e;
        LOG.warn("provider {} failed unexpectedly on {}", target.provider(), call.task, e);
        return null;
      }
    }
  }

  private static ProviderRequest repair(ProviderRequest request, String answer, List<String> errors) {
    List<ChatMessage> messages = new ArrayList<>(request.messages());
    messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, answer));
    messages.add(ChatMessage.user("That answer does not fit the JSON schema: " + String.join("; ", errors)
        + ". Reply again with only the corrected JSON value."));
    return new ProviderRequest(request.model(), messages, request.images(), request.schema(), request.schemaName(),
        request.strict(), request.temperature(), request.maxTokens());
  }

  /** The prompt of one structured call, rendered and redacted once for every remote target. */
  private record Prepared(
      List<ChatMessage> messages, List<com.carmutual.shared.gateway.ImageInput> images, String redactedPrompt,
      String cacheInput, Redactor.Session session) {}

  private Prepared prepare(
      StructuredRequest<?> request, Routing.Resolved resolved, String inputJson, JsonSchemas.OutputSchema schema) {
    PromptLibrary.Template template = routing.prompts().structured(request.task(), resolved.promptVersion());
    List<String> names = new ArrayList<>();
    Object given = request.variables().get(StructuredRequest.REDACT_VARIABLE);
    if (given instanceof Collection<?> c) {
      c.forEach(n -> names.add(String.valueOf(n)));
    } else if (given != null) {
      names.add(String.valueOf(given));
    }
    if (request.input() instanceof com.carmutual.shared.gateway.redact.PersonalValues known) {
      names.addAll(known.personalValues());
    }
    // Only what the caller supplies can hold personal data: the prompt file and the schema are ours.
    Redactor.Session session = redactor.session(names);
    Map<String, String> values = new HashMap<>();
    Map<String, String> real = new HashMap<>();
    values.put("task", request.task());
    values.put("schema", schemaJson.computeIfAbsent(request.outputType(), t -> toJson(request.task(), schema.schema())));
    values.put("input", session.redact(inputJson));
    real.put("input", inputJson);
    for (var e : request.variables().entrySet()) {
      if (StructuredRequest.REDACT_VARIABLE.equals(e.getKey())) {
        continue;
      }
      String v = e.getValue() instanceof String s ? s : toJson(request.task(), e.getValue());
      values.put(e.getKey(), session.redact(v));
      real.put(e.getKey(), v);
    }
    String redacted = template.render(values);
    List<ChatMessage> messages = List.of(ChatMessage.system(PromptLibrary.SYSTEM), ChatMessage.user(redacted));
    // the cache key holds the real input: two inputs that redact alike must not share an answer
    String cacheInput = real.toString() + (request.images().isEmpty() ? "" : imagesDigest(request.images()));
    return new Prepared(messages, request.images(), redacted, cacheInput, session);
  }

  /** The output schema of each output type as JSON text, written once. */
  private final Map<Class<?>, String> schemaJson = new java.util.concurrent.ConcurrentHashMap<>();

  // ---------------------------------------------------------------- chat

  @Override
  @SuppressWarnings("unchecked")
  public ChatResponse chat(String task, List<ChatMessage> messages) {
    return pipeline.chat(task, messages, () -> doChat(task, messages));
  }

  private ChatResponse doChat(String task, List<ChatMessage> messages) {
    Call call = new Call(task, "chat");
    Routing.Resolved resolved;
    try {
      resolved = routing.resolve(task);
    } catch (LlmException e) {
      call.fail(null, e);
      throw e;
    }
    call.resolved = resolved;
    GatewayConfig.Route route = resolved.route();
    List<ChatMessage> prompt = new ArrayList<>();
    var file = routing.prompts().file(task, resolved.promptVersion());
    file.ifPresent(t -> prompt.add(ChatMessage.system(t.render(Map.of("task", task)))));
    prompt.addAll(messages);
    Redactor.Session session = null;
    List<ChatMessage> redacted = null;
    int index = 0;
    for (GatewayConfig.Target target : route.targets()) {
      index++;
      if (call.deadlinePassed()) {
        break;
      }
      long t0 = System.nanoTime();
      if (target.local()) {
        LocalTask<Object, Object> local = hooks().locals().get(task);
        if (local == null) {
          call.attempt("local", null, "no_local_implementation", "no local chat implementation", t0);
          call.lastKind = LlmException.Kind.NO_LOCAL_IMPLEMENTATION;
          call.lastError = "no local implementation is registered for this chat task";
          continue;
        }
        Object out;
        try {
          out = local.run(List.copyOf(messages), List.of());
        } catch (LlmException e) {
          call.attempt("local", null, "error", e.getMessage(), t0);
          call.lastKind = e.kind();
          call.lastError = e.getMessage();
          continue;
        }
        ChatResponse response = out instanceof ChatResponse r ? r
            : out == null ? null : new ChatResponse(String.valueOf(out), "local", null, 0, 0);
        if (response == null) {
          call.attempt("local", null, "invalid_output", "null answer", t0);
          call.lastKind = LlmException.Kind.INVALID_OUTPUT;
          call.lastError = "the local implementation returned null";
          continue;
        }
        call.attempt("local", null, OK, null, t0);
        call.provider = "local";
        call.input = messages;
        call.output = response.content();
        call.finish(index == 1 ? OK : FALLBACK, null);
        return response;
      }
      if (session == null) {
        session = redactor.session(List.of());
        redacted = new ArrayList<>(prompt.size());
        for (ChatMessage m : prompt) {
          redacted.add(new ChatMessage(m.role(), session.redact(m.content())));
        }
        call.input = redacted;
        call.redaction = session;
      }
      ModelProvider provider = providers.get(target.provider());
      CircuitBreaker breaker = breakers.get(target.provider());
      ProviderRequest request = new ProviderRequest(target.model(), redacted, List.of(), null, null, false,
          route.temperature(), route.maxTokens());
      int retries = 0;
      while (true) {
        if (!breaker.allow()) {
          call.attempt(target.provider(), target.model(), "circuit_open", "circuit open", System.nanoTime());
          call.lastKind = LlmException.Kind.UNAVAILABLE;
          call.lastError = target.provider() + " circuit is open after repeated failures";
          break;
        }
        Duration remaining = call.remaining();
        if (remaining.isZero()) {
          call.deadlineHit = true;
          break;
        }
        long a0 = System.nanoTime();
        try {
          ProviderReply reply = provider.complete(request,
              min(target.timeout() != null ? target.timeout() : route.timeout(), remaining));
          breaker.success();
          call.addUsage(target, reply);
          call.attempt(target.provider(), target.model(), OK, null, a0);
          call.provider = target.provider();
          call.model = target.model();
          call.serverAddress = provider.serverAddress();
          call.reply = reply;
          call.output = reply.text();
          call.finish(index == 1 ? OK : FALLBACK, null);
          return new ChatResponse(session.restore(reply.text()), target.provider(),
              reply.responseModel() != null ? reply.responseModel() : target.model(), reply.inputTokens(),
              reply.outputTokens());
        } catch (ProviderFailure f) {
          call.attempt(target.provider(), target.model(), status(f), f.getMessage(), a0);
          breaker.failed(f.retriable());
          call.lastKind = f.retriable() ? LlmException.Kind.UNAVAILABLE : LlmException.Kind.REJECTED;
          call.lastError = f.getMessage();
          if (!f.retriable() || retries >= route.maxRetries()) {
            break;
          }
          retries++;
          Duration wait = f.retryAfter() != null ? f.retryAfter() : backoff(retries);
          if (wait.compareTo(call.remaining()) >= 0) {
            break;
          }
          sleep(wait);
        } catch (RuntimeException e) {
          breaker.failure();
          call.attempt(target.provider(), target.model(), "error", e.toString(), a0);
          call.lastKind = LlmException.Kind.UNAVAILABLE;
          call.lastError = target.provider() + " failed unexpectedly: " + e;
          LOG.warn("provider {} failed unexpectedly on {}", target.provider(), task, e);
          break;
        }
      }
    }
    LlmException failure = call.failure();
    call.fail(null, failure);
    throw failure;
  }

  // ---------------------------------------------------------------- embeddings

  @Override
  public List<float[]> embed(List<String> texts) {
    GatewayConfig.Tuning tuning = config.tuning();
    if (GatewayConfig.LOCAL.equals(tuning.embeddingProvider())) {
      return embeddings.embed(texts);
    }
    Call call = new Call("embed", "embeddings");
    call.resolved = new Routing.Resolved(new GatewayConfig.Route("embed", "v1", "v1",
        List.of(new GatewayConfig.Target(tuning.embeddingProvider(), tuning.embeddingModel(), null)), true,
        GatewayConfig.DEFAULT_TIMEOUT, GatewayConfig.DEFAULT_DEADLINE, 2, null, null, false), "v1");
    ModelProvider provider = providers.get(tuning.embeddingProvider());
    if (provider == null) {
      LlmException e = new LlmException("embed", LlmException.Kind.NOT_CONFIGURED,
          "llm.embeddings.provider names unknown provider " + tuning.embeddingProvider());
      call.fail(null, e);
      throw e;
    }
    Redactor.Session session = redactor.session(List.of());
    List<String> redacted = new ArrayList<>(texts.size());
    for (String t : texts) {
      redacted.add(session.redact(t));
    }
    call.input = redacted;
    call.redaction = session;
    CircuitBreaker breaker = breakers.get(provider.name());
    for (int retries = 0; ; retries++) {
      if (!breaker.allow()) {
        call.attempt(provider.name(), tuning.embeddingModel(), "circuit_open", "circuit open", System.nanoTime());
        call.lastKind = LlmException.Kind.UNAVAILABLE;
        call.lastError = provider.name() + " circuit is open";
        break;
      }
      long t0 = System.nanoTime();
      try {
        ModelProvider.EmbeddingReply reply =
            provider.embed(tuning.embeddingModel(), redacted, min(GatewayConfig.DEFAULT_TIMEOUT, call.remaining()));
        breaker.success();
        call.attempt(provider.name(), tuning.embeddingModel(), OK, null, t0);
        call.provider = provider.name();
        call.model = tuning.embeddingModel();
        call.inputTokens = reply.inputTokens();
        call.cost = cost(provider.name(), tuning.embeddingModel(), reply.inputTokens(), 0, 0);
        call.finish(OK, null);
        return reply.vectors();
      } catch (ProviderFailure f) {
        call.attempt(provider.name(), tuning.embeddingModel(), status(f), f.getMessage(), t0);
        breaker.failed(f.retriable());
        call.lastKind = f.retriable() ? LlmException.Kind.UNAVAILABLE : LlmException.Kind.REJECTED;
        call.lastError = f.getMessage();
        if (!f.retriable() || retries >= 2) {
          break;
        }
        Duration wait = f.retryAfter() != null ? f.retryAfter() : backoff(retries + 1);
        if (wait.compareTo(call.remaining()) >= 0) {
          break;
        }
        sleep(wait);
      } catch (RuntimeException e) {
        breaker.failure();
        call.attempt(provider.name(), tuning.embeddingModel(), "error", e.toString(), t0);
        call.lastKind = LlmException.Kind.UNAVAILABLE;
        call.lastError = provider.name() + " failed unexpectedly: " + e;
        break;
      }
    }
    LlmException failure = call.failure();
    call.fail(null, failure);
    throw failure;
  }

  // ---------------------------------------------------------------- one call's bookkeeping

  /** One gateway call in progress: what was tried, what it cost, and how it ended. */
  private final class Call {
    final String id = newId();
    final String task;
    final String operation;
    final long start = System.nanoTime();
    final List<LlmCallRecord.Attempt> attempts = new ArrayList<>(2);
    Routing.Resolved resolved;
    String provider;
    String model;
    String serverAddress;
    ProviderReply reply;
    Object input;
    Object output;
    Object parsed;
    Redactor.Session redaction;
    int inputTokens;
    int outputTokens;
    int cachedTokens;
    BigDecimal cost = BigDecimal.ZERO;
    LlmException.Kind lastKind;
    String lastError;
    boolean deadlineHit;
    /** Budget reservation and figures for {@link CallPipeline}; shadow calls reach no listener. */
    final CallTicket ticket = CallTicket.take();
    final boolean shadow = ShadowCalls.active();
    LlmException.Kind failedKind;

    Call(String task, String operation) {
      this.task = task;
      this.operation = operation;
    }

    long deadlineNanos() {
      return start + (resolved == null ? GatewayConfig.DEFAULT_DEADLINE : resolved.route().deadline()).toNanos();
    }

    Duration remaining() {
      long left = deadlineNanos() - System.nanoTime();
      return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean deadlinePassed() {
      if (remaining().isZero()) {
        deadlineHit = true;
      }
      return deadlineHit;
    }

    void attempt(String provider, String model, String status, String error, long t0) {
      attempts.add(new LlmCallRecord.Attempt(provider, model, status, error, (System.nanoTime() - t0) / 1_000_000));
    }

    void addUsage(GatewayConfig.Target target, ProviderReply r) {
      inputTokens += r.inputTokens();
      outputTokens += r.outputTokens();
      cachedTokens += r.cachedTokens();
      cost = cost.add(cost(target.provider(), target.model(), r.inputTokens(), r.outputTokens(), r.cachedTokens()));
    }

    LlmException failure() {
      if (deadlineHit || remaining().isZero()) {
        return new LlmException(task, LlmException.Kind.DEADLINE_EXCEEDED,
            "the deadline passed after " + attempts.size() + " attempt(s)"
                + (lastError == null ? "" : "; last error: " + lastError));
      }
      if (lastKind == null) {
        return new LlmException(task, LlmException.Kind.NOT_CONFIGURED, "the route has no usable target");
      }
      return new LlmException(task, lastKind, lastError + " (" + attempts.size() + " attempt(s))");
    }

    void fail(String error, LlmException e) {
      failedKind = e != null ? e.kind() : null;
      finish(ERROR, e != null ? e.kind().name() + ": " + e.getMessage() : error);
    }

    void finish(String outcome, String error) {
      long latencyMicros = (System.nanoTime() - start) / 1_000;
      Scope scope = Scope.current();
      Routing.Resolved r = resolved;
      String routeVersion = r == null ? null : r.route().version();
      String promptVersion = r == null ? null : r.promptVersion();
      if (config.tuning().traceEnabled()) {
        Redactor.Session s = redaction;
        // remote calls: input and raw output already carry placeholders; only restored values need hiding again
        UnaryOperator<String> redact = s != null ? s::reapply : text -> redactor.session(List.of()).redact(text);
        traces.submit(new PendingCall(id, task, operation, scope.client, scope.traceId, scope.runId, scope.node,
            provider, model, routeVersion, promptVersion, input, output, parsed, redact, inputTokens, outputTokens,
            cachedTokens, cost, latencyMicros, List.copyOf(attempts), outcome, error, clock.instant()));
      }
      long endEpoch = System.currentTimeMillis() * 1_000_000L;
      spans.record(new GenAiSpans.Facts(operation, task, provider, model,
          r == null ? null : r.route().temperature(), r == null ? null : r.route().maxTokens(),
          reply == null ? null : reply.responseId(), reply == null ? null : reply.responseModel(),
          reply == null ? null : reply.finishReason(), inputTokens, outputTokens, serverAddress, outcome,
          ERROR.equals(outcome) ? (lastKind == null ? "error" : lastKind.name()) : null),
          endEpoch - latencyMicros * 1_000, endEpoch);
      if (ticket != null) {
        ticket.finished(id, outcome, failedKind, routeVersion, promptVersion,
            cost, inputTokens, outputTokens, latencyMicros);
      }
      List<LlmCallListener> listeners = shadow ? List.of() : hooks().listeners();
      if (!listeners.isEmpty()) {
        LlmCallEvent event = new LlmCallEvent(id, task, provider, model, promptVersion, routeVersion, outcome,
            inputTokens, outputTokens, cost, latencyMicros, attempts.size(), scope.runId, scope.node);
        for (LlmCallListener l : listeners) {
          try {
            l.onCall(event);
          } catch (RuntimeException e) {
            LOG.warn("LLM call listener {} failed: {}", l.getClass().getName(), e.toString());
          }
        }
      }
    }
  }

  /** Who made the call and under which run, read once at the end of it. */
  private record Scope(String client, String traceId, String runId, String node) {
    static Scope current() {
      var run = CallScope.current().orElse(null);
      String client = null;
      String traceId = null;
      try {
        client = Caller.client().orElse(null);
        traceId = Caller.traceId().orElse(null);
      } catch (RuntimeException ignored) {
        // outside a request
      }
      return new Scope(client, traceId, run == null ? null : run.runId(), run == null ? null : run.node());
    }
  }

  // ---------------------------------------------------------------- helpers

  private record Parsed<T>(T value, List<String> errors) {}

  private <T> Parsed<T> parse(String text, Class<T> type, JsonSchemas.OutputSchema schema) {
    String body = stripFences(text);
    JsonNode node;
    try {
      node = json.readValue(body, JsonNode.class);
    } catch (IOException | RuntimeException e) {
      return new Parsed<>(null, List.of("not valid JSON: " + e.getMessage()));
    }
    if (node == null) {
      return new Parsed<>(null, List.of("empty answer"));
    }
    List<String> errors = SchemaValidator.validate(node, schema.schema());
    if (!errors.isEmpty()) {
      return new Parsed<>(null, errors);
    }
    try {
      T value = json.readValueFromTree(node, type);
      return value == null ? new Parsed<>(null, List.of("empty answer")) : new Parsed<>(value, List.of());
    } catch (IOException | RuntimeException e) {
      return new Parsed<>(null, List.of("does not bind to " + type.getSimpleName() + ": " + e.getMessage()));
    }
  }

  private static String stripFences(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int firstNewline = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (firstNewline > 0 && end > firstNewline) {
        return t.substring(firstNewline + 1, end).strip();
      }
    }
    return t;
  }

  private String toJson(String task, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException | RuntimeException e) {
      throw new LlmException(task, LlmException.Kind.REJECTED,
          "the input of type " + value.getClass().getName() + " cannot be written as JSON (is it @Serdeable?): "
              + e.getMessage(), e);
    }
  }

  private boolean cacheable(GatewayConfig.Route route) {
    return route.cache() || (route.temperature() != null && route.temperature() == 0.0);
  }

  BigDecimal cost(String provider, String model, int in, int out, int cached) {
    var price = config.price(provider, model);
    if (price.isEmpty()) {
      return BigDecimal.ZERO;
    }
    GatewayConfig.Price p = price.get();
    BigDecimal perMillion = p.input().multiply(BigDecimal.valueOf(Math.max(0, in - cached)))
        .add(p.cachedInput().multiply(BigDecimal.valueOf(cached)))
        .add(p.output().multiply(BigDecimal.valueOf(out)));
    return perMillion.movePointLeft(6);
  }

  private Duration backoff(int retry) {
    GatewayConfig.Tuning t = config.tuning();
    long base = t.initialBackoff().toNanos() << Math.min(retry - 1, 20);
    long capped = Math.min(base, t.maxBackoff().toNanos());
    // "equal jitter": half fixed, half random, so retries from many callers spread out
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofNanos(jittered);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String status(ProviderFailure f) {
    String type = f.type().name().toLowerCase(java.util.Locale.ROOT);
    return f.status() > 0 && f.status() != 200 ? type + "_" + f.status() : type;
  }

  private static final Map<String, String> SCHEMA_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

  /** The task as a tool/schema name providers accept ({@code claims.verdict} becomes {@code claims_verdict}). */
  private static String schemaName(String task) {
    return SCHEMA_NAMES.computeIfAbsent(task, t -> {
      String n = t.replaceAll("[^A-Za-z0-9_-]", "_");
      return n.length() > 64 ? n.substring(0, 64) : n;
    });
  }

  private static String imagesDigest(List<com.carmutual.shared.gateway.ImageInput> images) {
    StringBuilder sb = new StringBuilder();
    for (var image : images) {
      sb.append('|').append(image.name()).append(':').append(java.util.Arrays.hashCode(image.data()))
          .append(':').append(image.data().length);
    }
    return sb.toString();
  }

  private static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Hooks hooks() {
    Hooks h = hooks;
    if (h == null) {
      Map<String, LocalTask<Object, Object>> locals = new LinkedHashMap<>();
      for (LocalTask t : context.getBeansOfType(LocalTask.class)) {
        locals.put(t.task(), t);
      }
      h = new Hooks(Map.copyOf(locals), List.copyOf(context.getBeansOfType(AnswerSource.class)),
          List.copyOf(context.getBeansOfType(LlmCallListener.class)));
      hooks = h;
    }
    return h;
  }

  private void warnAboutMissingKeys() {
    for (GatewayConfig.TaskRoutes routes : config.routes().values()) {
      for (GatewayConfig.Route r : routes.byVersion().values()) {
        for (GatewayConfig.Target t : r.targets()) {
          ProviderSettings s = config.providers().get(t.provider());
          if (s != null && (s.apiKey() == null || s.apiKey().isBlank())
              && !"localhost".equals(s.baseUrl().getHost()) && !"127.0.0.1".equals(s.baseUrl().getHost())) {
            LOG.warn("task {} route {} targets {} but no API key is set for it", r.task(), r.version(), t.provider());
          }
        }
      }
    }
  }
}
