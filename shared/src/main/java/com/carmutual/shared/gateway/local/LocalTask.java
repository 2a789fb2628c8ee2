package com.carmutual.shared.gateway.local;

import com.carmutual.shared.gateway.ImageInput;
import java.util.List;

/**
 * A service's deterministic implementation of one task, used when a route reaches the {@code
 * local} provider (the default: no network, no key). Register one as a bean per task.
 *
 * @param <I> the task's input type, as given to {@code LlmGateway.structured}
 * @param <O> the task's output type
 */
public interface LocalTask<I, O> {

  /** The task name, for example {@code vin.rerank}. */
  String task();

  /** Answers {@code input}; images are given for vision tasks and may be ignored. */
  O run(I input, List<ImageInput> images);
}
