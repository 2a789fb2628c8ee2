package com.carmutual.phone.understand;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.local.LocalTask;
import jakarta.inject.Singleton;
import java.util.List;

/** The offline implementation of task {@code phone.extract}: the deterministic parsers. */
@Singleton
final class ExtractTask implements LocalTask<ExtractInput, Extraction> {
  private final DeterministicExtractor extractor = new DeterministicExtractor();

  @Override
  public String task() {
    return Understanding.TASK;
  }

  @Override
  public Extraction run(ExtractInput input, List<ImageInput> images) {
    return extractor.extract(input);
  }
}
