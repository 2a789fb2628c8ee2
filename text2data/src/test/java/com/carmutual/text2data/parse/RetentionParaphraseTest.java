package com.carmutual.text2data.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModelLoader;
import com.carmutual.text2data.query.SemanticQuery;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Day-N retention asked in wordings written for this test (none from the dev sets), in English and
 * Chinese: each must become exactly the retention query it means (cohort event, returning event,
 * day or days, cohort period, cohort grain). Near misses (a plain count, a date that is not a day N,
 * a conversion, a funnel, an event the model does not have, a window, a missing day, a filter the
 * retention query cannot apply) must never come back as a confident retention answer.
 */
class RetentionParaphraseTest {
  private static final String AS_OF = "2025-06-18"; // a Wednesday: last week is 2025-06-09..2025-06-15

  static Stream<Arguments> english() {
    return Stream.of(
        Arguments.of("Of the people who registered during February 2025, what fraction returned on the third day?",
            "signup", "app_open", List.of(3), "2025-02-01", "2025-03-01", null),
        Arguments.of("Among app installs from last month, how many were active again two weeks later?",
            "app_install", "app_open", List.of(14), "2025-05-01", "2025-06-01", null),
        Arguments.of("D3 and D14 retention for people who first opened the app in Q4 2024",
            "app_open", "app_open", List.of(3, 14), "2024-10-01", "2025-01-01", null),
        Arguments.of("percentage of users who signed up the week of June 2, 2025 who launched the app on day 2",
            "signup", "app_open", List.of(2), "2025-06-02", "2025-06-09", "day"),
        Arguments.of("How many March 2025 sign-ups viewed a quote again 10 days later?",
            "signup", "view_quote", List.of(10), "2025-03-01", "2025-04-01", null),
        Arguments.of("next day return rate for people who downloaded the app in January",
            "app_install", "app_open", List.of(1), "2025-01-01", "2025-02-01", null),
        Arguments.of("retention on days 2, 5 and 9 for users whose first install was in April",
            "app_install", "app_open", List.of(2, 5, 9), "2025-04-01", "2025-05-01", null),
        Arguments.of("For users that signed up in Q1, what was day thirty retention, per signup date?",
            "signup", "app_open", List.of(30), "2025-01-01", "2025-04-01", "day"),
        Arguments.of("Seven days after installing in May 2025, what share of those users opened the app again?",
            "app_install", "app_open", List.of(7), "2025-05-01", "2025-06-01", null),
        Arguments.of("What fraction of the installs from last week came back the following day, by install day?",
            "app_install", "app_open", List.of(1), "2025-06-09", "2025-06-16", "day"),
        Arguments.of("30-day retention of new users in 2024",
            "app_install", "app_open", List.of(30), "2024-01-01", "2025-01-01", null),
        Arguments.of("users who created an account in the past 3 months: how many were engaged again on the 21st day?",
            "signup", "app_open", List.of(21), "2025-03-01", "2025-06-01", null),
        Arguments.of("day 1 and day 4 retention for the sign-ups of the week starting 2025-05-19",
            "signup", "app_open", List.of(1, 4), "2025-05-19", "2025-05-26", null),
        Arguments.of("share of April registrations that came back to the app a week later, each cohort day separately",
            "signup", "app_open", List.of(7), "2025-04-01", "2025-05-01", "day"));
  }

  static Stream<Arguments> chinese() {
    return Stream.of(
        Arguments.of("2月注册的用户，第3天回访的比例", "signup", "app_open", List.of(3), "2025-02-01", "2025-03-01", null),
        Arguments.of("上个月下载App的人，两周后又活跃的有多少", "app_install", "app_open", List.of(14), "2025-05-01", "2025-06-01", null),
        Arguments.of("去年第四季度首次打开App的用户第3天和第14天的留存", "app_open", "app_open", List.of(3, 14), "2024-10-01", "2025-01-01", null),
        Arguments.of("6月2日那周注册的用户第4天打开App的比例", "signup", "app_open", List.of(4), "2025-06-02", "2025-06-09", "day"),
        Arguments.of("2025年3月注册的用户10天后再次查看报价的有多少人", "signup", "view_quote", List.of(10), "2025-03-01", "2025-04-01", null),
        Arguments.of("1月份下载App的用户隔天留存率", "app_install", "app_open", List.of(1), "2025-01-01", "2025-02-01", null),
        Arguments.of("4月首次安装的用户，第2、5、9天的留存分别是多少", "app_install", "app_open", List.of(2, 5, 9), "2025-04-01", "2025-05-01", null),
        Arguments.of("今年一季度注册的用户按注册日期看第30天留存", "signup", "app_open", List.of(30), "2025-01-01", "2025-04-01", "day"),
        Arguments.of("5月安装App的用户，安装后第7天又打开App的占比", "app_install", "app_open", List.of(7), "2025-05-01", "2025-06-01", null),
        Arguments.of("上周安装的用户，按安装日期看次日再次使用App的比例", "app_install", "app_open", List.of(1), "2025-06-09", "2025-06-16", "day"),
        Arguments.of("2024年的新用户30日留存", "app_install", "app_open", List.of(30), "2024-01-01", "2025-01-01", null),
        Arguments.of("最近3个月注册的用户第21天重新活跃的比例", "signup", "app_open", List.of(21), "2025-03-01", "2025-06-01", null),
        Arguments.of("5月19日那周注册的人，第1天和第4天的留存", "signup", "app_open", List.of(1, 4), "2025-05-19", "2025-05-26", null),
        Arguments.of("4月注册的用户一周后回到App的比例，按天看", "signup", "app_open", List.of(7), "2025-04-01", "2025-05-01", "day"));
  }

  @ParameterizedTest
  @MethodSource({"english", "chinese"})
  void becomesExactlyTheRetentionItMeans(String question, String cohortEvent, String returningEvent, List<Integer> days, String start, String end,
      String grain) throws Exception {
    ParseResult r = parse(TestWarehouse.get().parser, question);
    assertEquals("answered", r.status(), question + ": " + r.reason());
    SemanticQuery q = r.query();
    assertEquals("retention", q.kind(), question);
    assertEquals(cohortEvent, q.retention().targetEvent(), question);
    assertEquals(returningEvent, q.retention().returningEvent(), question);
    assertEquals(days.get(0), q.retention().day(), question);
    assertEquals(days.size() > 1 ? days : null, q.retention().days(), question);
    assertEquals(start, q.time().start(), question);
    assertEquals(end, q.time().end(), question);
    assertEquals(grain, q.retention().cohortGrain(), question);
    assertEquals(grain, q.time().grain(), question);
    assertTrue(q.metrics().isEmpty() && q.dimensions().isEmpty() && q.filters().isEmpty(), question + ": " + q);
  }

  static Stream<Arguments> nearMisses() {
    return Stream.of(
        Arguments.of("how many people registered in April", "metrics"),
        Arguments.of("上个月注册的用户有多少", "metrics"),
        Arguments.of("users active on the 7th day of April", null),
        Arguments.of("install to sign-up conversion within 3 days for May installs", "conversion"),
        Arguments.of("funnel: install then sign up then view quote, last month", "funnel"),
        Arguments.of("day 5 retention of users who bought a gift card in March", null),
        Arguments.of("users who registered in April and came back within 14 days", null),
        Arguments.of("3月注册的用户7天内的回访率", null),
        Arguments.of("retention for users who installed in April", null),
        Arguments.of("week 2 retention of users who signed up in March", null),
        Arguments.of("day 7 retention of Android users who installed in March", null),
        Arguments.of("3月注册的用户第二天的留存", null),
        Arguments.of("3月注册的用户第7天留存和4月对比", null),
        Arguments.of("users who signed up, viewed a quote and started a claim in May: day 7 retention", null));
  }

  /** kind: the other reading the question must get, answered; null: it must be a clarification or refusal. */
  @ParameterizedTest
  @MethodSource("nearMisses")
  void nearMissesAreNotAnsweredAsRetention(String question, String kind) throws Exception {
    ParseResult r = parse(TestWarehouse.get().parser, question);
    if (kind == null) {
      assertNotEquals("answered", r.status(), question + " was answered as " + r.query());
      assertTrue(r.reason() != null && !r.reason().isBlank(), question);
    } else {
      assertEquals("answered", r.status(), question + ": " + r.reason());
      assertEquals(kind, r.query().kind(), question);
    }
  }

  @Test
  void comingBackIsAskedWhenTheModelDeclaresNoReturningEvent() throws Exception {
    String yaml;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("semantic-model.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String without = yaml.replace("retention_default: returning,", "");
    assertNotEquals(yaml, without);
    SemanticModel model = SemanticModelLoader.parse(new ByteArrayInputStream(without.getBytes(StandardCharsets.UTF_8)), "no returning default");
    DeterministicParser parser = new DeterministicParser(model, Map.of(), null);

    for (String q : List.of("what fraction of the sign-ups in April came back on day 5", "4月注册的用户第5天的留存率")) {
      ParseResult r = parse(parser, q);
      assertEquals("clarify", r.status(), q + " was " + r.status() + " " + r.query());
      assertTrue(r.suggestions().contains("app_open") && r.suggestions().contains("view_quote"), q + ": " + r.suggestions());
    }
    // naming the returning event needs no default
    ParseResult named = parse(parser, "of the sign-ups in April, how many viewed a quote again on day 5");
    assertEquals("answered", named.status(), named.reason());
    assertEquals("view_quote", named.query().retention().returningEvent());
    assertEquals("signup", named.query().retention().targetEvent());
  }

  private static ParseResult parse(DeterministicParser parser, String question) {
    return parser.parse(new ParseRequest(question, AS_OF, null, List.of()));
  }
}
