package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GenAiSpansTest {
  private final List<SpanData> exported = new CopyOnWriteArrayList<>();

  private final SpanExporter exporter = new SpanExporter() {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      exported.addAll(spans);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  };

  @Test
  void aCallBecomesOneClientSpanWithGenAiAttributesAndNoContent() {
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
      GenAiSpans spans = new GenAiSpans(provider.get("test"));
      spans.record(new GenAiSpans.Facts("chat", "claims.verdict", "openai", "gpt-4o-mini", 0.0, 800, "chatcmpl-1",
          "gpt-4o-mini-2024-07-18", "stop", 1000, 200, "api.openai.com", "ok", null), 1_000_000_000L, 1_250_000_000L);
      spans.record(new GenAiSpans.Facts("chat", "claims.verdict", null, null, null, null, null, null, null, 0, 0,
          null, "error", "UNAVAILABLE"), 2_000_000_000L, 2_100_000_000L);
    }
    assertEquals(2, exported.size());
    SpanData ok = exported.get(0);
    assertEquals("chat gpt-4o-mini", ok.getName());
    assertEquals(SpanKind.CLIENT, ok.getKind());
    assertEquals("openai", ok.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")));
    assertEquals("gpt-4o-mini", ok.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")));
    assertEquals("gpt-4o-mini-2024-07-18", ok.getAttributes().get(AttributeKey.stringKey("gen_ai.response.model")));
    assertEquals(1000L, ok.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")));
    assertEquals(200L, ok.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")));
    assertEquals(List.of("stop"), ok.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));
    assertEquals(250_000_000L, ok.getEndEpochNanos() - ok.getStartEpochNanos());
    SpanData failed = exported.get(1);
    assertEquals("chat local", failed.getName());
    assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
    assertEquals("UNAVAILABLE", failed.getAttributes().get(AttributeKey.stringKey("error.type")));
  }
}
