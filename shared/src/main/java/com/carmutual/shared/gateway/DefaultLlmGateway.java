package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.local.LocalEmbeddings;
import com.carmutual.shared.gateway.local.LocalTask;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FOUNDATION PLACEHOLDER: routes every task to its local implementation. The routing, provider,
 * resilience and tracing implementation replaces this class (issue: LLM gateway).
 */
@Singleton
final class DefaultLlmGateway implements LlmGateway {
  private final Map<String, LocalTask<?, ?>> localTasks = new HashMap<>();
  private final LocalEmbeddings embeddings;

  DefaultLlmGateway(List<LocalTask<?, ?>> tasks, LocalEmbeddings embeddings) {
    for (LocalTask<?, ?> t : tasks) {
      localTasks.put(t.task(), t);
    }
    this.embeddings = embeddings;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T structured(StructuredRequest<T> request) {
    LocalTask<Object, Object> task = (LocalTask<Object, Object>) localTasks.get(request.task());
    if (task == null) {
      throw new LlmException(
          request.task(),
          LlmException.Kind.NO_LOCAL_IMPLEMENTATION,
          "no local implementation is registered for this task");
    }
    return request.outputType().cast(task.run(request.input(), request.images()));
  }

  @Override
  public ChatResponse chat(String task, List<ChatMessage> messages) {
    throw new LlmException(task, LlmException.Kind.NOT_CONFIGURED, "chat has no local provider");
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return embeddings.embed(texts);
  }
}
