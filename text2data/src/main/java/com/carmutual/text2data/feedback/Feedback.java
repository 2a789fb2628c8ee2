package com.carmutual.text2data.feedback;

import com.carmutual.shared.llmops.Annotations;
import com.carmutual.shared.llmops.SharedMemory;
import com.carmutual.text2data.parse.DeterministicParser;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.query.SemanticQuery;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers given, analysts' verdicts and corrections, and conversation memory. A correction is
 * recorded as an annotation of task {@code text2data.parse} and stored so the same question is
 * answered with it next time and it serves as a prompt example.
 */
@Singleton
public class Feedback {
  public static final String TASK = "text2data.parse";
  private static final Duration CONVERSATION_TTL = Duration.ofHours(2);

  private final AnswerRepository answers;
  private final CorrectionRepository corrections;
  private final Annotations annotations;
  private final SharedMemory memory;
  private final JsonMapper json;
  private final Clock clock;

  Feedback(AnswerRepository answers, CorrectionRepository corrections, Annotations annotations, SharedMemory memory, JsonMapper json, Clock clock) {
    this.answers = answers;
    this.corrections = corrections;
    this.annotations = annotations;
    this.memory = memory;
    this.json = json;
    this.clock = clock;
  }

  /** Stores an answer and returns its id. */
  public String saveAnswer(String question, LocalDate asOf, String conversationId, String status, SemanticQuery query, String sql, String runId) {
    String id = UUID.randomUUID().toString();
    answers.save(new AnswerRecord(id, question, asOf, conversationId, status, query == null ? null : write(query), sql, runId, clock.instant()));
    return id;
  }

  public Optional<AnswerRecord> answer(String id) {
    return answers.findById(id);
  }

  public SemanticQuery queryOf(AnswerRecord a) {
    return a.semanticQuery() == null ? null : read(a.semanticQuery());
  }

  /** Records a verdict (and optional corrected query, already checked by the caller); returns the annotation id. */
  public String record(AnswerRecord answer, Boolean correct, SemanticQuery corrected, String comment, String author) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("question", answer.question());
    input.put("asOf", answer.asOf().toString());
    String annotationId = annotations.record(new Annotations.Annotation(
        TASK, input, answer.semanticQuery() == null ? null : queryOf(answer), corrected, correct, comment, author, answer.runId()));
    SemanticQuery confirmed = corrected != null ? corrected : Boolean.TRUE.equals(correct) ? queryOf(answer) : null;
    if (confirmed != null && answer.question() != null) {
      corrections.save(new CorrectionRecord(UUID.randomUUID().toString(), DeterministicParser.questionKey(answer.question()), answer.question(),
          answer.id(), write(confirmed), author, clock.instant()));
    }
    return annotationId;
  }

  /** The most recent confirmed query for this question, if an analyst saved one. */
  public Optional<SemanticQuery> correctionFor(String question) {
    return corrections.findByQuestionKeyOrderByCreatedAtDesc(DeterministicParser.questionKey(question)).stream()
        .findFirst().map(c -> read(c.semanticQuery()));
  }

  /** Recent corrections as prompt examples. */
  public List<ParseRequest.Example> examples() {
    List<ParseRequest.Example> out = new ArrayList<>();
    for (CorrectionRecord c : corrections.recent()) {
      out.add(new ParseRequest.Example(c.question(), read(c.semanticQuery())));
    }
    return out;
  }

  public Optional<ConversationState> conversation(String id) {
    return id == null ? Optional.empty() : memory.read("text2data:" + id, ConversationState.class);
  }

  public void remember(String id, String question, SemanticQuery q) {
    if (id != null && q != null) {
      memory.write("text2data:" + id, new ConversationState(question, q), CONVERSATION_TTL);
    }
  }

  private String write(SemanticQuery q) {
    try {
      return json.writeValueAsString(q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SemanticQuery read(String s) {
    try {
      return json.readValue(s, SemanticQuery.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
