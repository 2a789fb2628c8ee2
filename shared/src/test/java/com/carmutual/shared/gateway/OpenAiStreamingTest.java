package com.carmutual.shared.gateway;

/** Streaming against a fake openai server: the {@link StreamingContract} in that wire format. */
class OpenAiStreamingTest extends StreamingContract {
  @Override
  String providerType() {
    return "openai";
  }
}
