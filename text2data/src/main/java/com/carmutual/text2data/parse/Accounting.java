package com.carmutual.text2data.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accounts for every word of a question: each character is explained by what it became (a metric,
 * dimension, value, period, construction) or is a function word of its language. Whatever content
 * is left means the parse is incomplete, and the question goes back to the analyst instead of
 * being answered with part of it ignored.
 */
final class Accounting {
  /** English words that carry no meaning of their own in an analytics question. */
  private static final Set<String> EN = Set.copyOf(List.of(
      "a", "an", "the", "of", "in", "on", "at", "by", "for", "to", "from", "with", "and", "or", "per", "each", "every", "all",
      "what", "whats", "which", "who", "whom", "whose", "how", "many", "much", "is", "are", "was", "were", "be", "been", "being",
      "do", "does", "did", "done", "have", "has", "had", "having", "we", "our", "ours", "us", "i", "me", "my", "you", "your", "they", "them",
      "their", "there", "it", "its", "this", "that", "these", "those", "as", "so", "far", "up", "out", "into", "onto", "about", "over",
      "during", "within", "across", "through", "throughout", "between", "among", "via", "under", "s", "t",
      "show", "shows", "list", "give", "tell", "get", "got", "find", "display", "see", "let", "know", "need", "want", "like", "please",
      "can", "could", "would", "will", "should", "may", "might", "must", "shall",
      "number", "numbers", "count", "counts", "total", "totals", "overall", "figure", "figures", "data",
      "broken", "break", "down", "split", "splitted", "grouped", "group", "groups", "breakdown", "distribution", "distributed",
      "respectively", "side", "separately", "each", "them", "both", "altogether", "together", "here", "then", "now", "also",
      "than", "vs", "versus", "compare", "compared", "comparing", "comparison", "against", "relative",
      "report", "summary", "summarize", "look", "looking", "table", "chart", "metric", "metrics", "stats", "statistics", "kpi",
      "happened", "happen", "occurred", "came", "come", "made", "make", "had", "saw", "see", "seen", "recorded", "registered", "logged",
      "did", "does", "go", "went", "gone", "brought", "bring", "brings", "led", "lead", "leads", "generated", "generate", "produce", "produced",
      "some", "any", "there", "where", "when", "while", "whole", "entire", "ones", "one", "thing", "things", "kind", "kinds", "sort",
      "okay", "ok", "hi", "hello", "thanks", "thank", "just", "only", "quick", "quickly", "roughly", "approximately", "exactly",
      "totalled", "seconds", "secs", "minutes", "mins", "yuan", "rmb", "cny", "received", "receive", "receiving", "gets", "getting", "rank", "ranked", "ranking", "rankings", "sorted", "sort", "order", "ordered", "listed", "it's", "what's", "how's", "we've", "i'd", "i'm", "company", "business"));

  /** Chinese function words and question frames, longest first when stripped. */
  private static final List<String> ZH = sortedByLength(List.of(
      "的", "了", "是", "有", "吗", "呢", "吧", "啊", "呀", "么", "着", "过", "在", "和", "与", "及", "以及", "跟", "同", "或", "或者", "并", "还有",
      "多少", "几", "个", "各", "每", "按", "按照", "分", "一下", "请", "帮我", "帮忙", "给我", "看看", "看一下", "看", "查", "查询", "查一下", "显示",
      "列出", "列", "分别", "哪些", "哪个", "哪一个", "什么", "怎么样", "怎样", "如何", "情况", "数据", "总共", "一共", "合计", "总计", "总", "共",
      "为", "对", "比", "那", "这", "这些", "那些", "们", "我们", "我", "你", "公司", "其中", "里", "里面", "之中", "期间", "内", "时",
      "时候", "的话", "分组", "维度", "拆分", "拆", "统计", "分布", "对比", "比较", "相比", "相较", "之间", "占", "排名", "排行", "从", "到", "至",
      "都", "也", "又", "就", "还", "才", "已经", "已", "被", "把", "让", "由", "于", "以", "以外", "之外", "数值", "值", "数", "量", "次", "笔", "件", "名", "位", "家",
      "人", "分别是", "是多少", "有多少", "多少个", "大概", "大约", "左右", "一", "下面", "一起", "一共有", "出来", "所有", "全部", "整体", "总体",
      "情况如何", "怎么", "呢", "吗", "走", "通过", "来自", "来的", "经由", "是否", "以来", "至今", "起", "开始", "目前为止", "为止", "截至", "截止",
      "口径", "类", "秒", "秒钟", "分钟", "元", "块钱", "计算", "算", "算出", "求", "汇总", "趋势", "变化", "明细", "报表", "结果"));

  private static final Pattern EN_WORD = Pattern.compile("[a-z0-9][a-z0-9']*");
  private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");

  private Accounting() {}

  private static List<String> sortedByLength(List<String> words) {
    List<String> out = new ArrayList<>(words);
    out.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(out);
  }

  /** Marks [from, to) explained. */
  static void mark(boolean[] explained, int from, int to) {
    for (int k = Math.max(0, from); k < Math.min(explained.length, to); k++) {
      explained[k] = true;
    }
  }

  /** Marks every match of {@code p} in {@code text}. */
  static void mark(boolean[] explained, Pattern p, String text) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      mark(explained, m.start(), m.end());
    }
  }

  /** The content words no part of the parse explains, in order of appearance. */
  static List<String> leftovers(String text, boolean[] explained) {
    List<String> out = new ArrayList<>();
    Matcher w = EN_WORD.matcher(text);
    while (w.find()) {
      if (anyUnexplained(explained, w.start(), w.end())) {
        String word = w.group().replaceAll("'s$", "");
        if (!EN.contains(word) && !out.contains(word)) { // a number nothing used ("in 5 cities") is content too
          out.add(word);
        }
      }
    }
    Matcher h = HAN_RUN.matcher(text);
    while (h.find()) {
      StringBuilder rest = new StringBuilder();
      for (int k = h.start(); k < h.end(); k++) {
        rest.append(explained[k] ? ' ' : text.charAt(k));
      }
      for (String piece : rest.toString().trim().split(" +")) {
        if (piece.equals("中") || piece.equals("中的")) {
          continue; // "among": 用户中, 计划中
        }
        String left = stripFunctionWords(piece);
        if (!left.isBlank() && !out.contains(left)) {
          out.add(left);
        }
      }
    }
    return out;
  }

  /** What is left of a run of Chinese characters once function words are taken out. */
  static String stripFunctionWords(String piece) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    outer:
    while (i < piece.length()) {
      for (String f : ZH) {
        if (piece.startsWith(f, i)) {
          i += f.length();
          sb.append(' ');
          continue outer;
        }
      }
      sb.append(piece.charAt(i));
      i++;
    }
    return sb.toString().trim().replaceAll(" +", " ");
  }

  private static boolean anyUnexplained(boolean[] explained, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!explained[k]) {
        return true;
      }
    }
    return false;
  }
}
