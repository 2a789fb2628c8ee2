package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Tied rows go to task vin.rerank; a failing gateway keeps the deterministic order. */
@MicronautTest(environments = "test")
class RerankTest {
  @Inject VinMatcher matcher;
  @Inject LlmGateway gateway;

  @MockBean(LlmGateway.class)
  LlmGateway gateway() {
    return Mockito.mock(LlmGateway.class);
  }

  @Test
  void failingRerankKeepsDeterministicOrderAndSaysSo() {
    Mockito.when(gateway.structured(Mockito.anyString(), Mockito.any(), Mockito.eq(RerankOutput.class)))
        .thenThrow(new LlmException("vin.rerank", LlmException.Kind.UNAVAILABLE, "down"));
    MatchResult r = matcher.match(new MatchRequest("1GCHK29U21E231713", null));
    assertEquals("review", r.decision());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("rerank unavailable")), r.notes().toString());
    assertTrue(r.candidates().get(0).fits());
  }

  @Test
  void rerankOrderIsUsedWhenItIsAPermutation() {
    MatchResult before = matcherWithoutRerank();
    List<String> tied = before.candidates().stream().filter(MatchResult.Candidate::fits)
        .map(MatchResult.Candidate::catalogId).toList();
    List<String> reversed = new java.util.ArrayList<>(tied);
    java.util.Collections.reverse(reversed);
    Mockito.when(gateway.structured(Mockito.anyString(), Mockito.any(), Mockito.eq(RerankOutput.class)))
        .thenReturn(new RerankOutput(reversed, "test"));
    MatchResult r = matcher.match(new MatchRequest("1GCHK29U21E231713", null));
    assertEquals(reversed.get(0), r.candidates().get(0).catalogId());
  }

  @Test
  void rerankAnswerThatDropsARowIsIgnored() {
    Mockito.when(gateway.structured(Mockito.anyString(), Mockito.any(), Mockito.eq(RerankOutput.class)))
        .thenReturn(new RerankOutput(List.of("CAT-000000"), "invented"));
    MatchResult r = matcher.match(new MatchRequest("1GCHK29U21E231713", null));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("ignored")), r.notes().toString());
    assertTrue(!r.candidates().get(0).catalogId().equals("CAT-000000"));
  }

  private MatchResult matcherWithoutRerank() {
    Mockito.when(gateway.structured(Mockito.anyString(), Mockito.any(), Mockito.eq(RerankOutput.class)))
        .thenThrow(new LlmException("vin.rerank", LlmException.Kind.UNAVAILABLE, "down"));
    MatchResult r = matcher.match(new MatchRequest("1GCHK29U21E231713", null));
    Mockito.reset(gateway);
    return r;
  }
}
