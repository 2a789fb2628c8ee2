package com.carmutual.text2data.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.query.SemanticQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each capability of the parser, asked in wordings written for this test (none from the dev sets),
 * in English and Chinese. A case names the parts of the semantic query the question must become;
 * questions the layer cannot answer must come back as a clarification or a refusal, never answered.
 */
class ParaphraseTest {
  private static final String AS_OF = "2025-06-18";

  static Stream<Arguments> answered() {
    return Stream.of(
        // averages of a measure, never its total
        Arguments.of("mean claim amount per region for last quarter", List.of("m=[avg_claimed_amount]", "d=[member.province]", "t=2025-01-01..2025-04-01")),
        Arguments.of("上季度各省份的平均理赔金额", List.of("m=[avg_claimed_amount]", "d=[member.province]", "t=2025-01-01..2025-04-01")),
        Arguments.of("what was the avg claim amount in 2024 by brand", List.of("m=[avg_claimed_amount]", "d=[vehicle.brand]", "t=2024-01-01..2025-01-01")),
        // snapshots
        Arguments.of("in-force policies by vehicle type right now", List.of("m=[active_memberships]", "d=[vehicle.vehicle_type]")),
        Arguments.of("目前在保的保单按品牌统计", List.of("m=[active_memberships]", "d=[vehicle.brand]")),
        // distinct counts
        Arguments.of("number of unique members with claims filed last month, by province", List.of("m=[claimant_count]", "d=[member.province]", "t=2025-05-01..2025-06-01")),
        // several metrics in one question
        Arguments.of("glass claims on BYDs in 2024: count and total claim amount", List.of("m=[claim_count, claimed_amount]", "f=claim.claim_type in [glass]", "f=vehicle.brand in [BYD]")),
        Arguments.of("去年玻璃理赔有多少笔，金额多少", List.of("m=[claim_count, claimed_amount]", "f=claim.claim_type in [glass]", "t=2024-01-01..2025-01-01")),
        // thresholds on aggregates (per entity) and on row values
        Arguments.of("how many members received over 5k in payouts last year, per province",
            List.of("m=[member_count]", "d=[member.province]", "f=payout_amount > [5000] per member", "t=2024-01-01..2025-01-01")),
        Arguments.of("去年赔付金额超过5000的会员有多少，按省份", List.of("m=[member_count]", "d=[member.province]", "f=payout_amount > [5000] per member")),
        Arguments.of("cities with at least 30 new members last quarter", List.of("m=[new_members]", "d=[member.city]", "f=new_members >= [30]")),
        Arguments.of("claims with a claimed amount above 20,000 in 2024", List.of("m=[claim_count]", "f=claim.claimed_amount > [20000]")),
        Arguments.of("2024年理赔金额超过2万的理赔有多少笔", List.of("m=[claim_count]", "f=claim.claimed_amount > [20000]")),
        Arguments.of("average claimed amount for claims above 10000 last year", List.of("m=[avg_claimed_amount]", "f=claim.claimed_amount > [10000]")),
        Arguments.of("provinces with more than 100 claims in 2024", List.of("m=[claim_count]", "d=[member.province]", "f=claim_count > [100]")),
        Arguments.of("members with more than 3 claims last year", List.of("m=[member_count]", "f=claim_count > [3] per member")),
        Arguments.of("2024年理赔次数超过2次的会员有多少", List.of("m=[member_count]", "f=claim_count > [2] per member")),
        Arguments.of("How many claims above 5k did we get from Teslas this year?", List.of("m=[claim_count]", "f=claim.claimed_amount > [5000]", "f=vehicle.brand in [Tesla]")),
        // percentages and shares
        Arguments.of("what percentage of calls were complaints last month", List.of("m=[call_count]", "share=of_part percent")),
        Arguments.of("去年欺诈理赔的占比", List.of("m=[claim_count]", "share=of_part fraction")),
        // durations between two dates
        Arguments.of("mean number of days from filing to closing for claims closed last year, rejected vs paid",
            List.of("m=[avg_settlement_days]", "d=[claim.status]", "f=claim.status in [rejected, paid]", "t=2024-01-01..2025-01-01 on claim.closed_at")),
        Arguments.of("2024年结案的理赔，从报案到结案的平均天数", List.of("m=[avg_settlement_days]", "t=2024-01-01..2025-01-01")),
        // complete months for "last N months"
        Arguments.of("monthly payment failure rate for the past 3 months", List.of("m=[payment_failure_rate]", "t=2025-03-01..2025-06-01", "g=month")),
        Arguments.of("最近3个月每月的支付失败率", List.of("m=[payment_failure_rate]", "t=2025-03-01..2025-06-01", "g=month")),
        // the top row, ties kept
        Arguments.of("which brand had the largest claimed amount last month?", List.of("m=[claimed_amount]", "d=[vehicle.brand]", "limit=1 ties")),
        Arguments.of("上个月哪个城市新会员最多？", List.of("m=[new_members]", "d=[member.city]", "limit=1 ties")),
        Arguments.of("去年理赔笔数最多的前5个城市", List.of("m=[claim_count]", "d=[member.city]", "limit=5")),
        Arguments.of("brands ranked by claim count last quarter, top5", List.of("m=[claim_count]", "d=[vehicle.brand]", "limit=5")),
        Arguments.of("Which five cities saw the most claims in March 2025?", List.of("m=[claim_count]", "d=[member.city]", "limit=5")),
        Arguments.of("claim count per brand last year, three lowest", List.of("m=[claim_count]", "d=[vehicle.brand]", "limit=3")),
        Arguments.of("哪3个品牌去年理赔金额最高", List.of("m=[claimed_amount]", "d=[vehicle.brand]", "limit=3")),
        // period over period for every period
        Arguments.of("month-over-month change in unique users over the past 3 months", List.of("m=[unique_users]", "g=month", "cmp=month change")),
        Arguments.of("最近4个季度活跃用户的环比变化", List.of("m=[unique_users]", "g=quarter", "cmp=quarter change", "t=2024-04-01..2025-04-01")),
        // running totals
        Arguments.of("cumulative approved amount by month in 2024", List.of("m=[approved_amount]", "g=month", "cum")),
        Arguments.of("2024年每月理赔金额的累计值", List.of("m=[claimed_amount]", "g=month", "cum")),
        // A vs B as a breakdown
        Arguments.of("Shenzhen versus Hangzhou claim count by month last year", List.of("m=[claim_count]", "d=[member.city]", "f=member.city in [Shenzhen, Hangzhou]", "g=month")),
        Arguments.of("去年广东和浙江的理赔数量对比，按季度", List.of("m=[claim_count]", "d=[member.province]", "g=quarter")),
        // date parts
        Arguments.of("inbound calls by day of week last month", List.of("m=[call_count]", "d=[call.started_at__day_of_week]", "f=call.direction in [inbound]")),
        Arguments.of("上个月来电按星期几分布", List.of("m=[call_count]", "d=[call.started_at__day_of_week]")),
        Arguments.of("claims filed by hour of day in 2024", List.of("m=[claim_count]", "d=[claim.filed_at__hour]")),
        // negation
        Arguments.of("claim count last year excluding collision claims", List.of("m=[claim_count]", "f=claim.claim_type not_in [collision]")),
        Arguments.of("去年除了碰撞以外的理赔数量", List.of("m=[claim_count]", "f=claim.claim_type not_in [collision]")),
        // funnels and retention
        Arguments.of("install then signup then view quote funnel for May 2025 with a 3 day window",
            List.of("k=funnel", "steps=[app_install, signup, view_quote] 3d", "t=2025-05-01..2025-06-01")),
        Arguments.of("上个月注册>查看报价>缴费的漏斗，3天窗口", List.of("k=funnel", "steps=[signup, view_quote, pay_contribution] 3d")),
        Arguments.of("day 1, day 7 and day 14 retention of users who installed the app in April", List.of("k=retention", "days=[1, 7, 14]", "t=2025-04-01..2025-05-01")),
        Arguments.of("4月份安装App的用户次日和7日留存", List.of("k=retention", "days=[1, 7]")),
        // conversion between entities within a window
        Arguments.of("Of members who joined in Q1 2025, what share filed a claim within 30 days?",
            List.of("k=conversion", "t=2025-01-01..2025-04-01")),
        // two periods side by side
        Arguments.of("claim count in Q3 2024 vs Q4 2024", List.of("m=[claim_count]", "cmp=quarter periods_asc", "t=2024-10-01..2025-01-01")),
        Arguments.of("2024年下半年和上半年的赔付金额对比", List.of("m=[payout_amount]", "cmp=half_year periods_desc")),
        // two values named together are shown apart, unless a total is asked
        Arguments.of("claims from Tesla and BYD last month", List.of("m=[claim_count]", "d=[vehicle.brand]")),
        Arguments.of("去年四川和山东的会员数量合计", List.of("m=[member_count]", "d=[]", "f=member.province in [Sichuan, Shandong]")),
        Arguments.of("average approved amount by month of year in 2024", List.of("m=[avg_approved_amount]", "d=[claim.filed_at__month_of_year]")),
        // a quarter or month of a relative year
        Arguments.of("今年一季度各渠道的理赔数量占比", List.of("m=[claim_count]", "d=[claim.channel]", "t=2025-01-01..2025-04-01", "share=of_total")),
        Arguments.of("Q2 of last year claim count by channel", List.of("m=[claim_count]", "t=2024-04-01..2024-07-01")),
        Arguments.of("去年3月的理赔数量", List.of("m=[claim_count]", "t=2024-03-01..2024-04-01")),
        // "the one with the longest", 最长的: the top row with ties
        Arguments.of("上季度平均通话时长最长的来电原因", List.of("m=[avg_call_duration_min]", "d=[call.call_reason]", "limit=1 ties")),
        Arguments.of("the plan with the fewest cancelling members last year", List.of("m=[cancelling_members]", "d=[membership.plan_code]", "limit=1 ties")),
        // units of the metric are not content; 来电 is incoming calls
        Arguments.of("上个月来电的平均等待时间是多少秒", List.of("m=[avg_wait_sec]", "f=call.direction in [inbound]")),
        // event conversions with the window written in several ways
        Arguments.of("4月安装用户到注册的7天转化率，按安装来源", List.of("k=conversion", "d=[app_user.install_source]", "t=2025-04-01..2025-05-01")),
        Arguments.of("7-day install to signup conversion for April installs", List.of("k=conversion", "t=2025-04-01..2025-05-01")),
        // negation a few words before the value; "at least" is not a superlative
        Arguments.of("how many claims were not from the app last month", List.of("m=[claim_count]", "f=claim.channel not_in [app]")),
        Arguments.of("members with total payouts of at least 20000 in 2024, by city", List.of("m=[member_count]", "d=[member.city]", "f=payout_amount >= [20000] per member")),
        Arguments.of("去年各月份的来电量分布", List.of("m=[call_count]", "g=month")),
        // attribute of a related entity
        Arguments.of("calls last quarter split by the type of the associated claim", List.of("m=[call_count]", "d=[claim.claim_type]")));
  }

  static Stream<Arguments> notAnswered() {
    return Stream.of(
        Arguments.of("median claim amount last year"),
        Arguments.of("去年理赔金额的中位数"),
        Arguments.of("claims by weather last month"),
        Arguments.of("average number of claims per sunny day in 2024"),
        Arguments.of("claim count last year for drivers under 25"),
        Arguments.of("上个月下雨天的理赔数量"),
        Arguments.of("average payments amount by hair colour"),
        Arguments.of("vehicles older than ten years"),
        Arguments.of("claims per member by city"),
        Arguments.of("每位会员的理赔次数按城市"),
        Arguments.of("the 3 busiest months for claims last year"),
        Arguments.of("claims in 5 cities last month"));
  }

  @ParameterizedTest
  @MethodSource("answered")
  void readsTheQuestionIntoTheExpectedQuery(String question, List<String> parts) throws Exception {
    ParseResult r = TestWarehouse.get().parser.parse(new ParseRequest(question, AS_OF, null, List.of()));
    assertEquals("answered", r.status(), question + " -> " + r.status() + ": " + r.reason());
    String sig = signature(r.query());
    for (String part : parts) {
      assertTrue(sig.contains(part), question + "\n  expected " + part + "\n  in " + sig);
    }
  }

  @ParameterizedTest
  @MethodSource("notAnswered")
  void asksOrRefusesWhenPartOfTheQuestionIsNotUnderstood(String question) throws Exception {
    ParseResult r = TestWarehouse.get().parser.parse(new ParseRequest(question, AS_OF, null, List.of()));
    assertTrue(!"answered".equals(r.status()), question + " was answered as " + (r.query() == null ? null : signature(r.query())));
    assertTrue(r.reason() != null && !r.reason().isBlank());
  }

  static String signature(SemanticQuery q) {
    List<String> s = new ArrayList<>();
    s.add("k=" + q.kind());
    s.add("m=" + q.metrics());
    s.add("d=" + q.dimensions());
    q.filters().forEach(f -> s.add("f=" + f.field() + " " + f.op() + " " + f.values() + (f.groupBy() == null ? "" : " per " + f.groupBy())));
    if (q.time() != null) {
      s.add("t=" + q.time().start() + ".." + q.time().end() + (q.time().dimension() == null ? "" : " on " + q.time().dimension()));
      if (q.time().grain() != null) {
        s.add("g=" + q.time().grain());
      }
    }
    if (q.limit() != null) {
      s.add("limit=" + q.limit() + (Boolean.TRUE.equals(q.ties()) ? " ties" : ""));
    }
    if (q.compare() != null) {
      s.add("cmp=" + q.compare().unit() + " " + q.compare().output());
    }
    if (q.share() != null) {
      s.add("share=" + q.share().type() + (Boolean.TRUE.equals(q.share().percent()) ? " percent" : " fraction"));
    }
    if (q.cumulative() != null) {
      s.add("cum");
    }
    if (q.funnel() != null) {
      s.add("steps=" + q.funnel().steps() + " " + q.funnel().windowDays() + "d");
    }
    if (q.retention() != null) {
      s.add("days=" + (q.retention().days() == null ? List.of(q.retention().day()) : q.retention().days()));
    }
    return String.join("; ", s);
  }
}
