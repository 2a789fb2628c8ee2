package com.carmutual.shared.llmops.shadow;

import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.ObservedCall;
import com.carmutual.shared.gateway.StructuredRequest;
import java.math.BigDecimal;
import com.carmutual.shared.llmops.shadow.ChallengerViews.ChallengerRequest;
import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.testing.ChampionChallengerApp;
import com.carmutual.shared.testing.FakeModels;
import io.micronaut.context.ApplicationContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a challenger in shadow at sample rate 1.0 adds to the champion's latency (not a test): the
 * champion's structured calls against a loopback fake provider, in alternating rounds without and
 * with a challenger (another route on the same fake), on one caller thread; the challenger runs on
 * the shadow executor (2 threads, queue 1000) meanwhile. H2 in memory. Prints p50/p99 of both and
 * the shadow counts.
 *
 * <pre>
 * deploy/local/bench.sh shadow [calls]        (default 4000; --smoke: 300)
 * </pre>
 */
public final class ShadowOverheadBenchmark {
  private ShadowOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int rounds = 10;
    int perRound = Math.max(10, n / rounds / 2);
    try (FakeModels models = new FakeModels()) {
      Map<String, Object> props = new HashMap<>(ChampionChallengerApp.properties(models));
      props.put("suite.llmops.annotation-reply.echo.task", "none");
      props.put("llm.trace.enabled", true);
      try (ApplicationContext ctx = ApplicationContext.run(props, "test", "llmops")) {
        LlmGateway gateway = ctx.getBean(LlmGateway.class);
        Challengers challengers = ctx.getBean(Challengers.class);
        ShadowRunner runner = ctx.getBean(ShadowRunner.class);
        String task = ChampionChallengerApp.TASK;
        for (int i = 0; i < Math.min(500, n); i++) {
          gateway.structured(task, new Echo("warm up " + i), Echo.class);
        }
        long[] without = new long[perRound * rounds];
        long[] with = new long[perRound * rounds];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
          for (int i = 0; i < perRound; i++) {
            without[k + i] = timed(gateway, task, r * perRound + i);
          }
          challengers.start(task, new ChallengerRequest("good", null, 1.0), "bench");
          for (int i = 0; i < perRound; i++) {
            with[k + i] = timed(gateway, task, r * perRound + i);
          }
          challengers.end(task);
          while (runner.queued() > 0) {
            Thread.sleep(5);
          }
          k += perRound;
        }
        report("champion, no challenger", without);
        report("champion, challenger at sampleRate 1.0", with);
        long[] a = sorted(without);
        long[] b = sorted(with);
        System.out.printf("BENCH shadow p99 added: %.3f ms (p50 added %.3f ms)%n",
            (p(b, 0.99) - p(a, 0.99)) / 1e6, (p(b, 0.5) - p(a, 0.5)) / 1e6);
        var last = challengers.current(task).orElseThrow();
        System.out.printf("BENCH shadow last round: sampled %d, run %d, dropped %d, failed %d%n",
            last.counts().sampled(), last.counts().run(), last.counts().dropped(), last.counts().failed());

        // the caller thread's own share: drawing the sample and offering the item to the queue
        challengers.start(task, new ChallengerRequest("good", null, 1.0), "bench");
        int m = Math.min(500, n / 4);
        long[] offer = new long[m];
        for (int i = 0; i < m; i++) {
          ObservedCall call = new ObservedCall("c" + i, task,
              StructuredRequest.of(task, new Echo("door " + i), Echo.class), new Echo("DOOR " + i), "ok", null,
              "champion", "v1", BigDecimal.ZERO, 120, 8, 1000, false);
          long t0 = System.nanoTime();
          runner.observe(call);
          offer[i] = System.nanoTime() - t0;
        }
        challengers.end(task);
        report("caller thread: sample + offer one item", offer);
      }
    }
  }

  private static long timed(LlmGateway gateway, String task, int i) {
    long t0 = System.nanoTime();
    gateway.structured(task, new Echo("rear bumper " + i), Echo.class);
    return System.nanoTime() - t0;
  }

  private static long[] sorted(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s;
  }

  private static double p(long[] sorted, double q) {
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static void report(String what, long[] nanos) {
    long[] s = sorted(nanos);
    System.out.printf("BENCH %-40s n=%6d  p50 %9.4f ms  p99 %9.4f ms%n", what, s.length, p(s, 0.5) / 1e6,
        p(s, 0.99) / 1e6);
  }
}
