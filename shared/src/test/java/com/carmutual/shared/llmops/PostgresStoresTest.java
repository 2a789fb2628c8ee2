package com.carmutual.shared.llmops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.ActiveVersions;
import com.carmutual.shared.gateway.AnswerSource;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.Annotations.Annotation;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentRequest;
import com.carmutual.shared.llmops.eval.experiment.Experiments;
import com.carmutual.shared.llmops.eval.set.EvalSets;
import com.carmutual.shared.llmops.run.Runs;
import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.llmops.testapp.EchoWorkflow;
import com.carmutual.shared.llmops.version.TaskVersions;
import com.carmutual.shared.testing.PostgresSupport;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every LLM-operations store against PostgreSQL (skipped with a message when it is not reachable). */
class PostgresStoresTest {

  @Test
  void runsMemoryVersionsAnnotationsSetsAndExperimentsWorkOnPostgres() {
    PostgresSupport.assumeAvailable();
    Map<String, String> props = PostgresSupport.freshDatabase("llmops");
    try (ApplicationContext ctx = ApplicationContext.run(Map.copyOf(props), "test", "llmops")) {
      var run = ctx.getBean(EchoWorkflow.class).run(new Echo("rear bumper"));
      var tree = ctx.getBean(Runs.class).tree(run.runId()).orElseThrow();
      assertEquals(List.of("normalise", "answer", "finish"), tree.nodes().stream().map(n -> n.name()).toList());
      assertEquals("check", tree.nodes().get(2).children().get(0).name());

      SharedMemory memory = ctx.getBean(SharedMemory.class);
      memory.write("case-1", new Echo("turn 1"), Duration.ofMinutes(5));
      memory.write("case-1", new Echo("turn 2"), Duration.ofMinutes(5));
      assertEquals(new Echo("turn 2"), memory.read("case-1", Echo.class).orElseThrow());

      TaskVersions versions = ctx.getBean(TaskVersions.class);
      versions.switchTo("test.echo", new TaskVersion("local", "v2"), "ops", "pg test");
      assertEquals(new TaskVersion("local", "v2"), ctx.getBean(ActiveVersions.class).active("test.echo").orElseThrow());
      versions.rollback("test.echo", "ops", null);
      assertTrue(ctx.getBean(ActiveVersions.class).active("test.echo").isEmpty());
      assertEquals(2, versions.history("test.echo", 10).size());

      String id =
          ctx.getBean(Annotations.class)
              .record(new Annotation("test.echo", new Echo("hood"), new Echo("HOOD"), new Echo("BONNET"), false, null, "a", run.runId()));
      var answer =
          ctx.getBeansOfType(AnswerSource.class).stream()
              .map(s -> s.answer("test.echo", "{\"text\":\"hood\"}"))
              .flatMap(java.util.Optional::stream)
              .findFirst()
              .orElseThrow();
      assertEquals("annotation:" + id, answer.source());

      EvalSets sets = ctx.getBean(EvalSets.class);
      assertEquals(4, sets.find("test.echo", "dev", 1).orElseThrow().itemCount());
      var done =
          ctx.getBean(Experiments.class)
              .runNow(new ExperimentRequest("test.echo", "dev", null, null, null, null), "pg", null);
      assertEquals("done", done.status());
      assertEquals(0.75, done.summary().get(0).meanScore(), 1e-9);
    }
  }
}
