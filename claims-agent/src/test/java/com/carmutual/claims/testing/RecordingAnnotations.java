package com.carmutual.claims.testing;

import com.carmutual.shared.llmops.Annotations;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the annotations the service records so tests can read them back. */
@Singleton
@Replaces(Annotations.class)
@Requires(env = "test")
public class RecordingAnnotations implements Annotations {
  public final List<Annotation> recorded = new CopyOnWriteArrayList<>();

  @Override
  public String record(Annotation annotation) {
    recorded.add(annotation);
    return UUID.randomUUID().toString();
  }
}
