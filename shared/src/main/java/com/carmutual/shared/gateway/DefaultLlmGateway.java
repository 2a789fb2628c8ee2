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
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.BeanContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final Redactor redactor;
  private final Map<String, ModelProvider> providers = new HashMap<>();
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private final Cache<CacheKey, Cached> cache;
  private final CallState.Books books;
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
    GatewayConfig.Tuning tuning = config.tuning();
    this.redactor = new Redactor(tuning.memberIdPattern());
    for (ProviderSettings s : config.providers().values()) {
      providers.put(s.name(), Providers.create(s, json));
      breakers.put(s.name(), new CircuitBreaker(tuning.circuitFailureThreshold(), tuning.circuitOpenFor().toNanos()));
    }
    this.cache = Caffeine.newBuilder().maximumSize(tuning.cacheMaxSize()).expireAfterWrite(tuning.cacheTtl()).build();
    this.books = new CallState.Books(config, redactor, traces, new GenAiSpans(context), clock, () -> hooks().listeners());
    this.streaming = new StreamingCalls(routing, providers, breakers, books, json, () -> hooks().locals(),
        new StreamTimeoutSettings(context.getBean(Environment.class)));
    this.pipeline = new CallPipeline(routing, context, json);
    warnAboutMissingKeys();
  }

  @Override
  public void stream(String task, Object input, StreamListener listener) {
    pipeline.stream(task, input, listener, () -> streaming.stream(task, input, listener));
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
    CallState call = books.open(request.task(), "chat");
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
  private <T> T runLocal(CallState call, StructuredRequest<T> request, GatewayConfig.Target target, int index) {
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
      call.localGaveUp(e, t0);
      return null;
    } catch (RuntimeException e) {
      throw call.localFailed(e, t0);
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
      CallState call, Prepared prepared, GatewayConfig.Target target, int index, Class<T> type,
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
      Duration remaining = call.timeForAttempt(target, breaker);
      if (remaining == null) {
        return null;
      }
      Duration timeout = CallState.min(target.timeout() != null ? target.timeout() : route.timeout(), remaining);
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
          call.answeredBy(target, provider.serverAddress(), reply);
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
        call.failed(target.provider(), target.model(), f, t0);
        breaker.failed(f.retriable());
        if (!f.retriable() || retries >= route.maxRetries() || !call.waitToRetry(f, ++retries)) {
          return null;
        }
      } catch (RuntimeException e) {
        // a translator bug or an unexpected reply: the probe must still end, and the caller gets an LlmException
        breaker.failure();
        call.failedUnexpectedly(target.provider(), target.model(), e, t0);
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
    CallState call = books.open(task, "chat");
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
          call.localGaveUp(e, t0);
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
        Duration remaining = call.timeForAttempt(target, breaker);
        if (remaining == null) {
          break;
        }
        long a0 = System.nanoTime();
        try {
          ProviderReply reply = provider.complete(request,
              CallState.min(target.timeout() != null ? target.timeout() : route.timeout(), remaining));
          breaker.success();
          call.addUsage(target, reply);
          call.attempt(target.provider(), target.model(), OK, null, a0);
          call.answeredBy(target, provider.serverAddress(), reply);
          call.finish(index == 1 ? OK : FALLBACK, null);
          return new ChatResponse(session.restore(reply.text()), target.provider(),
              reply.responseModel() != null ? reply.responseModel() : target.model(), reply.inputTokens(),
              reply.outputTokens());
        } catch (ProviderFailure f) {
          call.failed(target.provider(), target.model(), f, a0);
          breaker.failed(f.retriable());
          if (!f.retriable() || retries >= route.maxRetries() || !call.waitToRetry(f, ++retries)) {
            break;
          }
        } catch (RuntimeException e) {
          breaker.failure();
          call.failedUnexpectedly(target.provider(), target.model(), e, a0);
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
    CallState call = books.open("embed", "embeddings");
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
            provider.embed(tuning.embeddingModel(), redacted, CallState.min(GatewayConfig.DEFAULT_TIMEOUT, call.remaining()));
        breaker.success();
        call.attempt(provider.name(), tuning.embeddingModel(), OK, null, t0);
        call.provider = provider.name();
        call.model = tuning.embeddingModel();
        call.inputTokens = reply.inputTokens();
        call.cost = books.cost(provider.name(), tuning.embeddingModel(), reply.inputTokens(), 0, 0);
        call.finish(OK, null);
        return reply.vectors();
      } catch (ProviderFailure f) {
        call.failed(provider.name(), tuning.embeddingModel(), f, t0);
        breaker.failed(f.retriable());
        if (!f.retriable() || retries >= 2 || !call.waitToRetry(f, retries + 1)) {
          break;
        }
      } catch (RuntimeException e) {
        breaker.failure();
        call.failedUnexpectedly(provider.name(), tuning.embeddingModel(), e, t0);
        break;
      }
    }
    LlmException failure = call.failure();
    call.fail(null, failure);
    throw failure;
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
