package com.carmutual.phone.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.carmutual.phone.call.StoredCall;
import com.carmutual.phone.dialogue.CallState;
import com.carmutual.phone.dialogue.Dialogue;
import com.carmutual.phone.script.Script;
import com.carmutual.phone.script.Scripts;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The claim payload that {@link ClaimOutbox#report} builds from a completed fnol call has exactly
 * the field names (and JSON kinds) of claims-agent's contract fixture, which claims-agent's
 * {@code PhoneFnolContractTest} files and estimates. Skipped when the fixture is not next door.
 */
class ClaimPayloadContractTest {
  static final Path FIXTURE = Path.of("../claims-agent/src/test/resources/contract/phone-fnol-claim.json");

  @Test
  void reportOfACompletedFnolCallHasTheFieldsClaimsAgentAccepts() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(FIXTURE), "claims-agent contract fixture not found at " + FIXTURE.toAbsolutePath() + ": skipped");
    JsonMapper json = JsonMapper.createDefault();
    JsonNode fixture = json.readValue(Files.readString(FIXTURE), JsonNode.class);

    // every fnol slot answered, typed by the dialogue exactly as at the end of a real call
    Script fnol = new Scripts().get("fnol");
    Map<String, String> values = new LinkedHashMap<>();
    List<String> filled = new ArrayList<>();
    for (Script.Slot slot : fnol.slots()) {
      String name = slot.spec().name();
      values.put(name, switch (slot.spec().type()) {
        case "yes_no" -> "false";
        case "date" -> "2025-06-17";
        case "time" -> "17:00";
        case "score", "number", "money" -> "1";
        default -> "sample " + name;
      });
      filled.add(name);
    }
    CallState state = new CallState("fnol", "en", "America/New_York", "2025-06-18", values, filled, CallState.DONE, 0, false,
        CallState.COMPLETED, false, List.of());
    Instant t = Instant.parse("2025-06-18T09:00:00Z");
    StoredCall call = new StoredCall("CAcontract", "fnol", "en", "completed", CallState.COMPLETED, "inbound", "+15550100", "+15550199",
        null, null, 120, 12, state, t, t);
    Map<String, Object> report = ClaimOutbox.report(call, state, Dialogue.fields(fnol, state));

    assertEquals(kinds(fixture), kinds(json.readValue(json.writeValueAsBytes(report), JsonNode.class)),
        "ClaimOutbox.report(...) must produce the fields (and JSON kinds) of " + FIXTURE);
  }

  private static Map<String, String> kinds(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : object.entries()) {
      JsonNode v = e.getValue();
      out.put(e.getKey(), v.isBoolean() ? "boolean" : v.isNumber() ? "number" : v.isString() ? "string" : v.isNull() ? "null" : "structure");
    }
    return out;
  }
}
