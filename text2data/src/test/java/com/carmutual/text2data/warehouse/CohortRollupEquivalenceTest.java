package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.RollupTables;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Retention;
import com.carmutual.text2data.query.SemanticQuery.TimeSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention read from the cohort rollups (first-event and user-days tables) gives exactly the rows
 * reading the events gives, on the embedded warehouse: every retention question of both dev sets,
 * EN and ZH paraphrases (single day, several days at once, per cohort day, weekly cohorts), and a
 * grid of event pairs, periods and days; each of them must actually read both cohort tables.
 * Funnels and conversions, which use exact timestamps, never read them.
 */
class CohortRollupEquivalenceTest {
  /** Paraphrases the deterministic parser answers as retention questions. */
  static final List<String> ANSWERED = List.of(
      "day-1 retention of users who installed the app in April 2025",
      "D1, D7 and D30 retention for users who installed the app in March",
      "14-day retention of users who signed up in Q1 2025",
      "3月注册的用户第7天留存率",
      "3月注册的用户7日留存率是多少",
      "5月安装App的用户次日留存率",
      "上周安装App的用户7日留存",
      "4月安装App的用户，D1、D7、D14留存分别是多少？",
      "2025年5月每天安装App的用户的7日留存",
      // asked to confirm before the retention construction was generalised; answered since
      "what share of users who signed up in March came back on day 7",
      "What share of users who signed up in March 2025 came back on day 7?",
      "What is the next-day retention for April 2025 installs?",
      "day 7 retention by cohort day for users who installed in May 2025",
      "day 1, 7 and 14 retention of the users who installed in May 2025",
      "7-day retention of users who installed in the week of May 5, 2025",
      "weekly cohort retention: users who installed last week, day 3 retention",
      "How many users who installed last week opened it again 7 days later?");

  /**
   * Paraphrases the parser reads as retention but asks to confirm; the query it proposes must still
   * give the same rows either way. (Empty now: every paraphrase tried is answered.)
   */
  static final List<String> PROPOSED = List.of();

  static final List<String> TIMESTAMP_KINDS = List.of(
      "What was the install-to-signup conversion rate within 7 days for installs in Q1 2025, broken down by install source?",
      "What was the install-to-signup conversion rate within 7 days for installs in Q1 2025?",
      "funnel from app install to signup to view quote in May 2025");

  private static final LocalDate AS_OF = LocalDate.parse("2025-06-18");
  private static TestWarehouse tw;
  private static RollupStore rollups;

  @BeforeAll
  static void buildRollups() throws Exception {
    tw = TestWarehouse.get();
    rollups = RollupStore.embedded(tw.model, tw.warehouse);
    rollups.refresh(AS_OF);
  }

  @Test
  void everyRetentionQuestionGivesTheSameRowsFromTheCohortTables() throws Exception {
    List<String[]> questions = new ArrayList<>();
    for (String[] q : EngineParityTest.questions()) {
      questions.add(q);
    }
    for (String q : ANSWERED) {
      questions.add(new String[] {q, AS_OF.toString()});
    }
    for (String q : PROPOSED) {
      questions.add(new String[] {q, AS_OF.toString()});
    }
    int compared = 0;
    int devRetention = 0;
    for (String[] q : questions) {
      ParseResult parsed = tw.parser.parse(new ParseRequest(q[0], q[1], null, List.of()));
      if (ANSWERED.contains(q[0])) {
        assertEquals("answered", parsed.status(), q[0] + ": " + parsed.reason());
      }
      if (parsed.query() == null || !"retention".equals(parsed.query().kind())) {
        assertTrue(!ANSWERED.contains(q[0]) && !PROPOSED.contains(q[0]), q[0] + " is not read as retention");
        continue;
      }
      if (!ANSWERED.contains(q[0]) && !PROPOSED.contains(q[0])) {
        devRetention++;
      }
      compareAndRequireCohortTables(parsed.query(), LocalDate.parse(q[1]), q[0]);
      compared++;
    }
    System.out.println("CohortRollupEquivalenceTest: " + compared + " retention questions (" + devRetention + " dev) read the cohort tables, same rows");
    assertTrue(devRetention >= 3, "dev retention questions: " + devRetention);
  }

  @Test
  void aGridOfEventsPeriodsAndDaysGivesTheSameRows() throws Exception {
    List<String[]> periods = new ArrayList<>(List.of(
        new String[] {"2025-03-01", "2025-04-01"}, new String[] {"2024-01-01", "2025-01-01"}, new String[] {"2025-06-09", "2025-06-16"},
        new String[] {"2025-06-01", "2025-06-18"}, new String[] {"2025-06-17", "2025-06-18"}, new String[] {"2020-01-01", "2020-02-01"}));
    for (LocalDate week = LocalDate.parse("2025-04-28"); week.isBefore(LocalDate.parse("2025-06-02")); week = week.plusWeeks(1)) {
      periods.add(new String[] {week.toString(), week.plusWeeks(1).toString()}); // weekly cohorts
    }
    List<Retention> shapes = new ArrayList<>();
    int compared = 0;
    for (String target : List.of("app_install", "signup", "view_quote")) {
      for (String returning : List.of("app_open", "view_quote", "submit_claim")) {
        shapes.clear();
        shapes.add(new Retention(target, returning, 1, null));
        shapes.add(new Retention(target, returning, 7, "day"));
        shapes.add(new Retention(target, returning, 30, null));
        shapes.add(new Retention(target, returning, 1, null, List.of(1, 3, 7, 14, 30)));
        for (String[] p : periods) {
          for (Retention r : shapes) {
            SemanticQuery q = new SemanticQuery("retention", null, null, null, new TimeSpec(null, p[0], p[1], null, null), null, null, null,
                null, r, null);
            compareAndRequireCohortTables(q, AS_OF, r + " " + p[0] + ".." + p[1]);
            compared++;
          }
        }
      }
    }
    System.out.println("CohortRollupEquivalenceTest: " + compared + " grid retention queries, same rows");
  }

  @Test
  void funnelsAndConversionsKeepReadingTheEvents() throws Exception {
    List<String> questions = new ArrayList<>(TIMESTAMP_KINDS);
    for (String[] q : EngineParityTest.questions()) {
      questions.add(q[0]);
    }
    int checked = 0;
    for (String q : questions) {
      ParseResult parsed = tw.parser.parse(new ParseRequest(q, AS_OF.toString(), null, List.of()));
      if (parsed.query() == null || !List.of("funnel", "conversion").contains(parsed.query().kind())) {
        assertTrue(!TIMESTAMP_KINDS.contains(q), q + " is not a funnel or conversion");
        continue;
      }
      CompiledQuery cq = tw.compiler.compile(parsed.query(), tw.warehouse.dialect(), AS_OF, rollups);
      assertTrue(!cq.sql().contains("rollup_user_"), q + " must read the events:\n" + cq.sql());
      checked++;
    }
    assertTrue(checked >= TIMESTAMP_KINDS.size(), "checked " + checked);
  }

  private static void compareAndRequireCohortTables(SemanticQuery q, LocalDate asOf, String what) throws Exception {
    CompiledQuery plain = tw.compiler.compile(q, tw.warehouse.dialect(), asOf, RollupTables.NONE);
    CompiledQuery withRollups = tw.compiler.compile(q, tw.warehouse.dialect(), asOf, rollups);
    assertTrue(withRollups.sql().contains("rollup_user_first_event") && withRollups.sql().contains("rollup_user_event_days")
        && !withRollups.sql().contains("app_events"), what + " does not read the cohort tables:\n" + withRollups.sql());
    assertEquals(plain.columns(), withRollups.columns(), what);
    assertEquals(tw.warehouse.execute(plain).rows(), tw.warehouse.execute(withRollups).rows(), what + "\n" + withRollups.sql());
  }
}
