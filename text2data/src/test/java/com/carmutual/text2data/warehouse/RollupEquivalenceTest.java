package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.bench.EventQuestions;
import com.carmutual.text2data.compile.CompileException;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.RollupTables;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a rollup gives exactly the rows reading the events gives: every dev question, the event
 * benchmark questions and paraphrases of the kinds rollups serve (EN and ZH) are compiled with and
 * without rollups and run on the embedded warehouse; results must be equal, and the questions a
 * rollup can serve must actually be served by one (else the rollups are dead weight).
 */
class RollupEquivalenceTest {
  /** Kinds a daily rollup serves: counts per day/week/month, distinct users per day, by platform or event. */
  static final List<String> ROLLUP_KINDS = List.of(
      "daily active users by platform last 30 days",
      "How many distinct users did we have per day on each platform over the last two weeks?",
      "app opens per day last week",
      "number of events by event name per day in the last 7 days",
      "weekly event count by platform over the last 8 weeks",
      "monthly events by platform in 2025",
      "iOS unique users per day last 14 days",
      "最近两周每天各平台的活跃用户数",
      "上周每天打开App的次数",
      "2025年每个月各平台的事件数",
      "最近7天每天安卓用户数");

  @Test
  void rollupsGiveTheSameRowsAsTheEventsAndServeTheirKinds() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    RollupStore rollups = RollupStore.embedded(tw.model, tw.warehouse);
    rollups.refresh(LocalDate.parse("2025-06-18"));
    List<String[]> questions = new ArrayList<>(EngineParityTest.questions());
    for (String q : EventQuestions.ALL) {
      questions.add(new String[] {q, "2025-06-18"});
    }
    for (String q : ROLLUP_KINDS) {
      questions.add(new String[] {q, "2025-06-18"});
    }
    int compared = 0;
    int served = 0;
    List<String> unserved = new ArrayList<>();
    for (String[] q : questions) {
      ParseResult parsed = tw.parser.parse(new ParseRequest(q[0], q[1], null, List.of()));
      if (!"answered".equals(parsed.status())) {
        assertTrue(!ROLLUP_KINDS.contains(q[0]), q[0] + " was not answered: " + parsed.reason());
        continue;
      }
      LocalDate asOf = LocalDate.parse(q[1]);
      CompiledQuery plain;
      try {
        plain = tw.compiler.compile(parsed.query(), tw.warehouse.dialect(), asOf, RollupTables.NONE);
      } catch (CompileException e) {
        continue;
      }
      CompiledQuery withRollups = tw.compiler.compile(parsed.query(), tw.warehouse.dialect(), asOf, rollups);
      assertEquals(tw.warehouse.execute(plain).rows(), tw.warehouse.execute(withRollups).rows(), q[0] + "\n" + withRollups.sql());
      compared++;
      if (withRollups.sql().contains("rollup_")) {
        served++;
      } else if (ROLLUP_KINDS.contains(q[0])) {
        unserved.add(q[0] + "\n  " + plain.sql());
      }
    }
    System.out.println("RollupEquivalenceTest: " + compared + " questions compared, " + served + " read a rollup");
    assertTrue(unserved.isEmpty(), "rollup kinds read from the events:\n" + String.join("\n", unserved));
    assertTrue(compared >= 60, "compared " + compared);
  }

  @Test
  void aDistinctCountOverSeveralDaysIsNeverReadFromADailyRollup() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    RollupStore rollups = RollupStore.embedded(tw.model, tw.warehouse);
    rollups.refresh(LocalDate.parse("2025-06-18"));
    for (String q : List.of("unique users last 30 days by platform", "weekly active users last 8 weeks", "最近30天的活跃用户数",
        "monthly active users by platform in 2025")) {
      ParseResult parsed = tw.parser.parse(new ParseRequest(q, "2025-06-18", null, List.of()));
      assertEquals("answered", parsed.status(), q + ": " + parsed.reason());
      CompiledQuery cq = tw.compiler.compile(parsed.query(), tw.warehouse.dialect(), LocalDate.parse("2025-06-18"), rollups);
      assertTrue(!cq.sql().contains("rollup_"), q + " must count distinct users over the events:\n" + cq.sql());
    }
  }
}
