package com.carmutual.phone.relay;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.local.LocalTask;
import jakarta.inject.Singleton;
import java.util.List;

/** The offline implementation of task {@code phone.reply}: the script's own sentences. */
@Singleton
final class ScriptedReplyTask implements LocalTask<ModelSpeech.Turn, String> {
  @Override
  public String task() {
    return ModelSpeech.TASK;
  }

  @Override
  public String run(ModelSpeech.Turn input, List<ImageInput> images) {
    return String.join(" ", input.say());
  }
}
