package com.carmutual.text2data.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateGrammarTest {
  private final DateGrammar grammar = new DateGrammar();

  @ParameterizedTest(name = "{0} as of {1} -> [{2}, {3})")
  @CsvSource(delimiter = '|', value = {
      "claims last week|2025-06-18|2025-06-09|2025-06-16",
      "上周的理赔|2025-06-18|2025-06-09|2025-06-16",
      "最近一周的理赔|2025-06-18|2025-06-11|2025-06-18",
      "claims in the last 7 days|2025-06-18|2025-06-11|2025-06-18",
      "近30天|2025-06-18|2025-05-19|2025-06-18",
      "最近三个月|2025-06-18|2025-03-01|2025-06-01",
      "the last 3 months|2025-06-18|2025-03-01|2025-06-01",
      "past two quarters|2025-06-18|2024-10-01|2025-04-01",
      "过去2个季度|2025-06-18|2024-10-01|2025-04-01",
      "over the last 12 months|2025-06-18|2024-06-01|2025-06-01",
      "last 2 weeks|2025-06-18|2025-06-02|2025-06-16",
      "过去两周|2025-06-18|2025-06-02|2025-06-16",
      "previous 2 years|2025-06-18|2023-01-01|2025-01-01",
      "last month|2025-06-18|2025-05-01|2025-06-01",
      "上个月|2025-03-10|2025-02-01|2025-03-01",
      "last quarter|2025-06-18|2025-01-01|2025-04-01",
      "上季度|2025-02-01|2024-10-01|2025-01-01",
      "this year|2025-06-18|2025-01-01|2025-06-18",
      "今年以来|2025-06-18|2025-01-01|2025-06-18",
      "in 2025|2025-06-18|2025-01-01|2025-06-18",
      "in 2024|2025-06-18|2024-01-01|2025-01-01",
      "去年|2025-06-18|2024-01-01|2025-01-01",
      "in March|2025-06-18|2025-03-01|2025-04-01",
      "in September|2025-06-18|2024-09-01|2024-10-01",
      "五月份|2025-06-18|2025-05-01|2025-06-01",
      "2024年3月|2025-06-18|2024-03-01|2024-04-01",
      "2025年1到5月|2025-06-18|2025-01-01|2025-06-01",
      "Q1 2025|2025-06-18|2025-01-01|2025-04-01",
      "2024年第四季度|2025-06-18|2024-10-01|2025-01-01",
      "the first half of 2024|2025-06-18|2024-01-01|2024-07-01",
      "2024年下半年|2025-06-18|2024-07-01|2025-01-01",
      "since the start of 2024|2025-06-18|2024-01-01|2025-06-18",
      "本月|2025-06-18|2025-06-01|2025-06-18",
      "yesterday|2025-06-18|2025-06-17|2025-06-18",
      "right now|2025-06-18|2025-06-18|2025-06-19",
      "目前|2025-06-18|2025-06-18|2025-06-19",
      "from March to May 2025|2025-06-18|2025-03-01|2025-06-01",
      "between 2025-01-05 and 2025-01-10|2025-06-18|2025-01-05|2025-01-11"})
  void resolvesPeriodsAgainstAsOf(String text, String asOf, String start, String end) {
    List<DateGrammar.Period> periods = grammar.find(Text.normalize(text), LocalDate.parse(asOf));
    assertEquals(1, periods.size(), String.valueOf(periods));
    assertEquals(LocalDate.parse(start), periods.get(0).start());
    assertEquals(LocalDate.parse(end), periods.get(0).end());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"claims next month", "明年的理赔", "预测下个月的理赔"})
  void futurePeriodsAreMarked(String text) {
    assertEquals("future", grammar.find(Text.normalize(text), LocalDate.parse("2025-06-18")).get(0).unit());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"monthly claim count|month", "每天的用户数|day", "claims by week|week", "按季度|quarter", "claims in total|"})
  void findsTheGrain(String text, String grain) {
    assertEquals(grain, DateGrammar.grain(Text.normalize(text)));
  }
}
