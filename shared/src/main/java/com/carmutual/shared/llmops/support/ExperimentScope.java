package com.carmutual.shared.llmops.support;

import com.carmutual.shared.gateway.ThreadScope;
import java.util.function.Supplier;

/**
 * Marks the current thread as running an experiment item. Annotation reply stays silent inside,
 * so an experiment measures the configuration under test and not the stored human answers.
 */
public final class ExperimentScope {
  private static final ThreadScope<Boolean> ACTIVE = new ThreadScope<>();

  private ExperimentScope() {}

  public static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  public static <T> T within(Supplier<T> body) {
    return ACTIVE.within(Boolean.TRUE, body);
  }
}
