package com.carmutual.shared.gateway;

import io.micronaut.context.BeanContext;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One OpenTelemetry span per gateway call, named {@code {operation} {model}} with the GenAI
 * semantic-convention attributes, and no prompt or completion content (personal data). Uses an
 * {@link OpenTelemetry} bean when the service defines one, else {@link GlobalOpenTelemetry},
 * looked up at the first call (not at start, so an SDK installed at start-up is seen); without
 * an SDK both are no-ops.
 */
final class GenAiSpans {
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
  private static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  private static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
  private static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  private static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  private static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  private static final AttributeKey<List<String>> FINISH = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
  private static final AttributeKey<String> TASK = AttributeKey.stringKey("carmutual.llm.task");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("carmutual.llm.outcome");

  /** What a finished call tells its span. */
  record Facts(
      String operation,
      String task,
      String provider,
      String model,
      Double temperature,
      Integer maxTokens,
      String responseId,
      String responseModel,
      String finishReason,
      int inputTokens,
      int outputTokens,
      String serverAddress,
      String outcome,
      String errorType) {}

  private final BeanContext context;
  private volatile Tracer tracer;

  GenAiSpans(BeanContext context) {
    this.context = context;
  }

  /** With a fixed tracer (tests). */
  GenAiSpans(Tracer tracer) {
    this.context = null;
    this.tracer = tracer;
  }

  void record(Facts f, long startEpochNanos, long endEpochNanos) {
    Tracer t = tracer();
    String model = f.model() == null ? "local" : f.model();
    Span span = t.spanBuilder(f.operation() + " " + model)
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS)
        .startSpan();
    if (!span.isRecording()) {
      return;
    }
    span.setAttribute(OPERATION, f.operation());
    span.setAttribute(TASK, f.task());
    span.setAttribute(OUTCOME, f.outcome());
    if (f.provider() != null) {
      span.setAttribute(PROVIDER, f.provider());
      span.setAttribute(SYSTEM, f.provider());
    }
    span.setAttribute(REQUEST_MODEL, model);
    if (f.temperature() != null) {
      span.setAttribute(TEMPERATURE, f.temperature());
    }
    if (f.maxTokens() != null) {
      span.setAttribute(MAX_TOKENS, (long) f.maxTokens());
    }
    if (f.responseId() != null) {
      span.setAttribute(RESPONSE_ID, f.responseId());
    }
    if (f.responseModel() != null) {
      span.setAttribute(RESPONSE_MODEL, f.responseModel());
    }
    if (f.finishReason() != null) {
      span.setAttribute(FINISH, List.of(f.finishReason()));
    }
    span.setAttribute(INPUT_TOKENS, (long) f.inputTokens());
    span.setAttribute(OUTPUT_TOKENS, (long) f.outputTokens());
    if (f.serverAddress() != null) {
      span.setAttribute(SERVER, f.serverAddress());
    }
    if (f.errorType() != null) {
      span.setAttribute(ERROR_TYPE, f.errorType());
      span.setStatus(StatusCode.ERROR);
    }
    span.end(endEpochNanos, TimeUnit.NANOSECONDS);
  }

  private Tracer tracer() {
    Tracer t = tracer;
    if (t == null) {
      // several OpenTelemetry beans can exist (e.g. a test's beside micronaut-tracing's): take the first
      OpenTelemetry otel = context.getBeansOfType(OpenTelemetry.class).stream().findFirst()
          .orElseGet(GlobalOpenTelemetry::get);
      t = otel.getTracer("com.carmutual.shared.gateway");
      tracer = t;
    }
    return t;
  }
}
