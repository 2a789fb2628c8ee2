package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.support.ExperimentScope;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Scopes nest, are put back however the body ends, and stay on their thread. */
class ThreadScopeTest {
  @Test
  void nestedScopesPutTheOuterValueBackEvenWhenTheBodyThrows() {
    ThreadScope<String> scope = new ThreadScope<>();
    assertNull(scope.get());
    String seen = scope.within("outer", () -> {
      assertThrows(IllegalStateException.class, () -> scope.within("inner", () -> {
        assertEquals("inner", scope.get());
        throw new IllegalStateException("body failed");
      }));
      return scope.get();
    });
    assertEquals("outer", seen);
    assertNull(scope.get());
  }

  @Test
  void aScopeIsNotSeenOnAnotherThread() {
    ThreadScope<String> scope = new ThreadScope<>();
    String elsewhere = scope.within("here", () -> CompletableFuture.supplyAsync(scope::get).join());
    assertNull(elsewhere);
  }

  @Test
  void theGatewayMarkersUseIt() {
    assertFalse(ShadowCalls.active());
    assertTrue(ShadowCalls.within(() -> ShadowCalls.within(ShadowCalls::active) && ShadowCalls.active()));
    assertFalse(ShadowCalls.active());
    assertTrue(ExperimentScope.within(ExperimentScope::active));
    assertFalse(ExperimentScope.active());
    String node = CallScope.within("run-1", "outer", () -> CallScope.within("run-1", "inner",
        () -> CallScope.current().orElseThrow().node()) + "/" + CallScope.current().orElseThrow().node());
    assertEquals("inner/outer", node);
    assertTrue(CallScope.current().isEmpty());
    TaskVersion v = new TaskVersion("v2", null);
    assertEquals(v, GatewayOverrides.with(Map.of("claims.reply", v), () -> GatewayOverrides.current("claims.reply").orElseThrow()));
    assertTrue(GatewayOverrides.current("claims.reply").isEmpty());
  }
}
