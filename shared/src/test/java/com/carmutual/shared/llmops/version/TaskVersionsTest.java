package com.carmutual.shared.llmops.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.ActiveVersions;
import com.carmutual.shared.gateway.TaskVersion;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = {"test", "llmops"}, transactional = false)
@Property(name = "suite.admin-clients", value = "tester")
class TaskVersionsTest {
  @Inject ActiveVersions active;

  @Inject
  @Client("/")
  HttpClient client;

  @SuppressWarnings("unchecked")
  private Map<String, Object> put(String task, Map<String, Object> body, String key) {
    return client.toBlocking()
        .retrieve(HttpRequest.PUT("/v1/llmops/tasks/" + task + "/active", body).bearerAuth(key), Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rollback(String task) {
    return client.toBlocking()
        .retrieve(HttpRequest.POST("/v1/llmops/tasks/" + task + "/rollback", Map.of()).bearerAuth("test-key"), Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSwitchIsActiveAtOnceAuditedAndRolledBack() {
    Map<String, Object> change = put("test.echo", Map.of("promptVersion", "v2", "reason", "better recall"), "test-key");
    assertEquals("tester", change.get("actor"));
    assertEquals(Map.of("promptVersion", "v2"), change.get("to"));
    assertEquals(new TaskVersion(null, "v2"), active.active("test.echo").orElseThrow());

    put("test.echo", Map.of("routeVersion", "local", "promptVersion", "v1"), "test-key");
    assertEquals(new TaskVersion("local", "v1"), active.active("test.echo").orElseThrow());

    Map<String, Object> back = rollback("test.echo");
    assertEquals("rollback", back.get("action"));
    assertEquals(new TaskVersion(null, "v2"), active.active("test.echo").orElseThrow());

    List<Map<String, Object>> history =
        client.toBlocking()
            .retrieve(HttpRequest.GET("/v1/llmops/tasks/test.echo/history").bearerAuth("test-key"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    assertEquals(
        List.of("rollback", "switch", "switch"),
        history.subList(0, 3).stream().map(h -> h.get("action")).toList());
    assertTrue(history.stream().allMatch(h -> "tester".equals(h.get("actor")) && h.get("at") != null));

    List<Map<String, Object>> tasks =
        client.toBlocking().retrieve(HttpRequest.GET("/v1/llmops/tasks").bearerAuth("test-key"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    Map<String, Object> echo =
        tasks.stream().filter(t -> "test.echo".equals(t.get("task"))).findFirst().orElseThrow();
    assertEquals(Map.of("promptVersion", "v2"), echo.get("active"));
    assertEquals("rollback", ((Map<String, Object>) echo.get("lastChange")).get("action"));
  }

  @Test
  void switchingBackToDefaultsRemovesTheOverride() {
    put("test.echo", Map.of("promptVersion", "v1"), "test-key");
    put("test.echo", Map.of(), "test-key");
    assertTrue(active.active("test.echo").isEmpty());
    rollback("test.echo");
    assertEquals(new TaskVersion(null, "v1"), active.active("test.echo").orElseThrow());
  }

  @Test
  void clientsNotListedAsAdminsCannotSwitch() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> put("test.echo", Map.of("promptVersion", "v5"), "other-key"));
    assertEquals(403, e.getStatus().getCode());
    assertFalse(active.active("test.echo").map(v -> "v5".equals(v.promptVersion())).orElse(false));
  }

  @Test
  void rollbackWithoutHistoryIsAConflict() {
    var e = assertThrows(HttpClientResponseException.class, () -> rollback("never.switched"));
    assertEquals(409, e.getStatus().getCode());
    assertNull(active.active("never.switched").orElse(null));
  }
}
