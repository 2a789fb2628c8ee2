package com.carmutual.shared.llmops;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * FOUNDATION PLACEHOLDER: keeps annotations in memory. Replaced by the stored implementation of
 * the LLM operations issue.
 */
@Singleton
final class InMemoryAnnotations implements Annotations {
  private final List<Annotation> stored = new CopyOnWriteArrayList<>();

  @Override
  public String record(Annotation annotation) {
    stored.add(annotation);
    return UUID.randomUUID().toString();
  }
}
