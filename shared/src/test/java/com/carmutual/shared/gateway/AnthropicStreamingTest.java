package com.carmutual.shared.gateway;

/** Streaming against a fake anthropic server: the {@link StreamingContract} in that wire format. */
class AnthropicStreamingTest extends StreamingContract {
  @Override
  String providerType() {
    return "anthropic";
  }
}
