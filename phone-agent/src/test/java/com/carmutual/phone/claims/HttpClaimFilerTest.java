package com.carmutual.phone.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.FakeServer;
import io.micronaut.json.JsonMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers of claims-agent end the retries (permanent refusals) and which the outbox retries. */
class HttpClaimFilerTest {
  static final Map<String, Object> REPORT = Map.of("memberId", "M123456");

  static HttpClaimFiler filer(String url) {
    return new HttpClaimFiler(new ClaimsAgentSettings(url, "k"), JsonMapper.createDefault());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 413, 415, 422})
  void permanentRefusalsAreReportedAsRefusedWithTheProblemDetail(int status) throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.answer(status, "{\"status\":" + status + ",\"detail\":\"bad report: vin required\"}");
      ClaimFiler.ClaimFilingException e = assertThrows(ClaimFiler.ClaimFilingException.class, () -> filer(server.url()).file("phone-CA1", REPORT));
      ClaimFiler.ClaimRefusedException refused = assertInstanceOf(ClaimFiler.ClaimRefusedException.class, e);
      assertEquals(status, refused.status());
      assertTrue(e.getMessage().contains("vin required"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 408, 409, 425, 429, 500, 502, 503})
  void transientAnswersAreRetried(int status) throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.answer(status, "{}");
      ClaimFiler.ClaimFilingException e = assertThrows(ClaimFiler.ClaimFilingException.class, () -> filer(server.url()).file("phone-CA1", REPORT));
      assertFalse(e instanceof ClaimFiler.ClaimRefusedException, status + " must be retried");
    }
  }

  @Test
  void connectionErrorsAreRetried() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ClaimFiler.ClaimFilingException e = assertThrows(ClaimFiler.ClaimFilingException.class, () -> filer("http://127.0.0.1:" + port).file("phone-CA1", REPORT));
    assertFalse(e instanceof ClaimFiler.ClaimRefusedException);
  }

  @Test
  void acceptedClaimReturnsItsId() throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.answer(201, "{\"claimId\":\"CL-7\"}");
      assertEquals("CL-7", filer(server.url()).file("phone-CA1", REPORT));
    }
  }

  @Test
  void sendsItsOwnKeyAndWithoutOneNoKeyAtAll() throws Exception {
    try (FakeServer server = new FakeServer()) {
      server.answer(201, "{\"claimId\":\"CL-8\"}");
      filer(server.url()).file("phone-CA2", REPORT);
      new HttpClaimFiler(new ClaimsAgentSettings(server.url(), " "), JsonMapper.createDefault()).file("phone-CA3", REPORT);
      assertEquals("Bearer k", server.received().get(0).header("Authorization"));
      assertEquals(null, server.received().get(1).header("Authorization"));
    }
  }
}
