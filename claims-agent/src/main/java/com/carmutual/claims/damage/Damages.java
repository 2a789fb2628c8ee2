package com.carmutual.claims.damage;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The typed output of task {@code claims.damage}: every damaged part found. */
@Serdeable
public record Damages(List<Damage> damages) {
  public Damages {
    damages = damages == null ? List.of() : List.copyOf(damages);
  }
}
