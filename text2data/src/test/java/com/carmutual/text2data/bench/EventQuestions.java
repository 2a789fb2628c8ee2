package com.carmutual.text2data.bench;

import java.util.List;

/** The event questions the warehouse benchmarks time on every engine (as of 2025-06-18). */
public final class EventQuestions {
  public static final List<String> ALL = List.of(
      "How many unique users opened the app each day last week?",
      "上周每天通过App提交理赔的用户数",
      "How many quote views were there by plan in the last 30 days?",
      "What is the 7-day retention of users who installed the app last week?",
      "What is the day-7 retention rate for users who installed the app in May 2025?",
      "What was the install-to-signup conversion rate within 7 days for installs in Q1 2025, broken down by install source?",
      "通过抖音渠道安装App的用户中，上个月有多少人至少提交过一次理赔？",
      "最近30天各平台的活跃用户数");

  private EventQuestions() {}
}
