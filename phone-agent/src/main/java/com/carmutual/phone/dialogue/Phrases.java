package com.carmutual.phone.dialogue;

import java.util.Map;

/** What the assistant says outside any one script (hand-over, DTMF fallback, read-back help). */
final class Phrases {
  private Phrases() {}

  private static final Map<String, Map<String, String>> TEXT =
      Map.ofEntries(
          Map.entry("transfer", Map.of(
              "en", "Please hold while I connect you with a member of our team.",
              "zh", "请稍候，正在为您转接工作人员。")),
          Map.entry("transfer-injury", Map.of(
              "en", "Because someone was injured, I am now connecting you with a claims handler.",
              "zh", "由于有人受伤，现在为您转接理赔人员。")),
          Map.entry("corrected", Map.of("en", "Thanks, I have corrected that.", "zh", "好的，已为您更正。")),
          Map.entry("updated", Map.of("en", "Thanks, I have updated that.", "zh", "好的，已更新。")),
          Map.entry("which-change", Map.of(
              "en", "Which detail should I change? For example, say: the time was 5 pm.",
              "zh", "请问需要更正哪一项？比如说：时间是下午五点。")),
          Map.entry("confirm-reprompt", Map.of(
              "en", "Please say yes if everything is correct, or no to change something.",
              "zh", "全部正确请说对，需要更正请说不对。")),
          Map.entry("dtmf-yes_no", Map.of("en", "Please press 1 for yes or 2 for no.", "zh", "是请按1，否请按2。")),
          Map.entry("dtmf-number", Map.of(
              "en", "Please key in the number on your keypad, then press the pound key.",
              "zh", "请在键盘上输入数字，然后按井号键。")),
          Map.entry("dtmf-member_id", Map.of(
              "en", "Please key in the six digits of your member number, then press the pound key.",
              "zh", "请输入会员号的六位数字，然后按井号键。")),
          Map.entry("dtmf-date", Map.of(
              "en", "Please key in the date as four digits, month then day, for example 0 6 1 7 for June 17th.",
              "zh", "请输入四位日期，月在前日在后，例如六月十七日请按0617。")),
          Map.entry("dtmf-time", Map.of(
              "en", "Please key in the time as four digits on a 24-hour clock, for example 1 7 0 0 for 5 pm.",
              "zh", "请按24小时制输入四位时间，例如下午五点请按1700。")),
          Map.entry("voicemail", Map.of(
              "en", "Hello, this is Car Mutual. We will call you again later. Goodbye.",
              "zh", "您好，这里是车互助，我们稍后会再给您来电。再见。")),
          Map.entry("ended", Map.of("en", "This call has ended. Goodbye.", "zh", "通话已结束，再见。")),
          Map.entry("not-given", Map.of("en", "not given", "zh", "未提供")),
          Map.entry("yes", Map.of("en", "yes", "zh", "是")),
          Map.entry("no", Map.of("en", "no", "zh", "否")));

  static String get(String key, String lang) {
    Map<String, String> byLang = TEXT.get(key);
    return byLang.getOrDefault(lang, byLang.get("en"));
  }

  static String pick(Map<String, String> byLang, String lang) {
    String s = byLang.get(lang);
    return s != null ? s : byLang.getOrDefault("en", "");
  }
}
