package com.carmutual.phone.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Labelled calls in the format of {@code shared/data/phone} (one JSON object a line: id, script,
 * lang, callDate, callerTurns, gold), and the scoring of what a call produced against them. Sets are
 * read from {@code -Dphone.eval.dir} when given (held-back sets are dropped in there), otherwise from
 * the copies under {@code src/test/resources/phone-dev}.
 */
public final class LabelledCalls {
  /** The dev sets: one answer per turn, and natural callers. */
  public static final List<String> DEV_SETS = List.of("conversations-dev.jsonl", "conversations-dev-natural.jsonl");

  /** One labelled call. */
  public record Call(String id, String script, String lang, Instant start, List<String> turns, Map<String, Object> gold) {}

  /** How a set scored. */
  public record Score(String set, int fields, int fieldsRight, int calls, int callsRight, List<String> misses) {
    public double fieldAccuracy() {
      return fields == 0 ? 0 : (double) fieldsRight / fields;
    }

    public double callAccuracy() {
      return calls == 0 ? 0 : (double) callsRight / calls;
    }

    @Override
    public String toString() {
      return String.format("%s: fields %d/%d (%.1f%%), calls %d/%d (%.1f%%)", set, fieldsRight, fields,
          100 * fieldAccuracy(), callsRight, calls, 100 * callAccuracy());
    }
  }

  private LabelledCalls() {}

  /** The sets to measure: every {@code *.jsonl} in {@code -Dphone.eval.dir}, or the two dev sets. */
  public static List<String> sets() {
    String dir = System.getProperty("phone.eval.dir");
    if (dir == null || dir.isBlank()) {
      return DEV_SETS;
    }
    try (var files = Files.list(Path.of(dir))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Call> load(String set) {
    ObjectMapper json = new ObjectMapper();
    List<Call> out = new ArrayList<>();
    try (InputStream in = open(set)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode item = json.readTree(line);
        List<String> turns = new ArrayList<>();
        item.get("callerTurns").forEach(t -> turns.add(t.asText()));
        Map<String, Object> gold = new LinkedHashMap<>();
        item.get("gold").fields().forEachRemaining(e -> gold.put(e.getKey(), value(e.getValue())));
        out.add(new Call(item.get("id").asText(), item.get("script").asText(), item.get("lang").asText(),
            LocalDate.parse(item.get("callDate").asText()).atTime(9, 0).toInstant(ZoneOffset.UTC), turns, gold));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Plays every call of {@code set} with {@code play} (call → fields) and scores the result. */
  public static Score score(String set, BiFunction<Call, Integer, Map<String, Object>> play) {
    int fields = 0;
    int fieldsRight = 0;
    int calls = 0;
    int callsRight = 0;
    List<String> misses = new ArrayList<>();
    int n = 0;
    for (Call call : load(set)) {
      Map<String, Object> got = play.apply(call, n++);
      boolean all = true;
      for (var e : call.gold().entrySet()) {
        Object actual = got.get(e.getKey());
        fields++;
        if (FieldMatch.matches(e.getKey(), e.getValue(), actual)) {
          fieldsRight++;
        } else {
          all = false;
          misses.add(call.id() + " " + e.getKey() + ": expected " + e.getValue() + ", got " + actual);
        }
      }
      calls++;
      callsRight += all ? 1 : 0;
    }
    return new Score(set, fields, fieldsRight, calls, callsRight, misses);
  }

  public static Object value(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.numberValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return n.asText();
  }

  private static InputStream open(String set) throws IOException {
    String dir = System.getProperty("phone.eval.dir");
    if (dir != null && !dir.isBlank()) {
      return Files.newInputStream(Path.of(dir, set));
    }
    InputStream in = LabelledCalls.class.getResourceAsStream("/phone-dev/" + set);
    if (in == null) {
      throw new IOException("no labelled set " + set);
    }
    return in;
  }
}
