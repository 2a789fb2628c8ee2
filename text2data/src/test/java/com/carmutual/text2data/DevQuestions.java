package com.carmutual.text2data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The labelled dev questions of both dev sets (test resources {@code text2data/questions-dev*.jsonl}), in file order. */
public final class DevQuestions {
  private static final Pattern FIELD = Pattern.compile("\"(id|lang|question|as_of)\": \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final List<String> SETS = List.of("text2data/questions-dev.jsonl", "text2data/questions-dev-2.jsonl");

  /** One dev question: its id (E../Z.. first set, D2.. second), language, text and the date it is asked on. */
  public record Question(String id, String lang, String text, String asOf) {}

  private DevQuestions() {}

  public static List<Question> all() {
    List<Question> out = new ArrayList<>();
    for (String set : SETS) {
      for (String line : resource(set).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        java.util.Map<String, String> m = new java.util.HashMap<>();
        Matcher mm = FIELD.matcher(line);
        while (mm.find()) {
          m.putIfAbsent(mm.group(1), mm.group(2));
        }
        out.add(new Question(m.get("id"), m.get("lang"), m.get("question").replace("\\\"", "\""), m.get("as_of")));
      }
    }
    return out;
  }

  private static String resource(String path) {
    try (InputStream in = DevQuestions.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException(path + " missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
