package com.carmutual.text2data.compile;

import com.carmutual.text2data.model.SemanticModel;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class CompilerFactory {
  @Singleton
  SqlCompiler sqlCompiler(SemanticModel model) {
    return new SqlCompiler(model);
  }
}
