package com.carmutual.phone.understand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.eval.Conversation;
import com.carmutual.phone.eval.FieldMatch;
import com.carmutual.phone.script.Scripts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plays the labelled dev conversations through the dialogue and the deterministic parsers, in process. */
class DevConversationsOfflineTest {
  @Test
  void deterministicParsersGetTheDevConversationsRight() throws Exception {
    Scripts scripts = new Scripts();
    DeterministicExtractor extractor = new DeterministicExtractor();
    ObjectMapper json = new ObjectMapper();
    int fields = 0;
    int fieldsRight = 0;
    int calls = 0;
    int callsRight = 0;
    List<String> misses = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/eval/phone.extract/dev.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode item = json.readTree(line);
        JsonNode input = item.get("input");
        List<String> turns = new ArrayList<>();
        input.get("callerTurns").forEach(t -> turns.add(t.asText()));
        var start = LocalDate.parse(input.get("callDate").asText()).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Map<String, Object> got = Conversation.play(scripts.get(input.get("script").asText()), input.get("lang").asText(),
            start, ZoneId.of("Asia/Shanghai"), turns, extractor::extract);
        boolean all = true;
        var it = item.get("expected").fields();
        while (it.hasNext()) {
          var e = it.next();
          Object expected = e.getValue().isNull() ? null : e.getValue().isNumber() ? e.getValue().numberValue()
              : e.getValue().isBoolean() ? e.getValue().booleanValue() : e.getValue().asText();
          boolean ok = FieldMatch.matches(e.getKey(), expected, got.get(e.getKey()));
          fields++;
          if (ok) {
            fieldsRight++;
          } else {
            all = false;
            misses.add(item.get("id").asText() + " " + e.getKey() + ": expected " + expected + ", got " + got.get(e.getKey()));
          }
        }
        calls++;
        if (all) {
          callsRight++;
        }
      }
    }
    misses.forEach(System.out::println);
    System.out.printf("fields %d/%d, conversations %d/%d%n", fieldsRight, fields, callsRight, calls);
    assertTrue(fieldsRight >= 0.95 * fields, "field accuracy " + fieldsRight + "/" + fields);
    assertTrue(callsRight >= 0.85 * calls, "conversation accuracy " + callsRight + "/" + calls);
  }
}
