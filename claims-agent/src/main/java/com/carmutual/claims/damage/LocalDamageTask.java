package com.carmutual.claims.damage;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.local.LocalTask;
import jakarta.inject.Singleton;
import java.util.List;

/** The offline implementation of task {@code claims.damage}: reads the text and annotations; images are not looked at. */
@Singleton
final class LocalDamageTask implements LocalTask<DamageInput, Damages> {
  private final TextDamageReader reader;

  LocalDamageTask(TextDamageReader reader) {
    this.reader = reader;
  }

  @Override
  public String task() {
    return DamagePerception.TASK;
  }

  @Override
  public Damages run(DamageInput input, List<ImageInput> images) {
    return reader.read(input);
  }
}
