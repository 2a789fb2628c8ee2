package com.carmutual.phone.understand;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Word lists for short answers in English and Chinese: yes and no, "I don't know", requests for a
 * person or a repeat, corrections and "nothing to add". Checked in that order of precedence by the
 * extractor. Never does I/O.
 */
final class Lexicon {
  private Lexicon() {}

  private static final Pattern EN_YES =
      Pattern.compile(
          "^(yes|yeah|yea|yep|yup|ya|sure|correct|right|that's right|that is right|affirmative|absolutely|definitely"
              + "|of course|certainly|ok|okay|i agree|agree|i do|i have|i did|i am|i'm|it is|it was|it did|they did"
              + "|we did|he did|she did|there was|there were|please|i consent|go ahead|fine|exactly|indeed|uh huh|mhm|yes please"
              + "|i would|i'd like|that's correct|all correct|all good|sounds good|perfect|true|that would be|please do|i think so|i guess so|i guess|i believe so|i suppose so|probably|presumably|sure thing|definitely|yes i|it can|it is|they were|there is)\\b");
  /** Affirmatives that contain a negation word ("no problem", "没问题"). */
  private static final Pattern AFFIRMATIVE_NEGATION =
      Pattern.compile("^(no problem|not a problem|no worries|why not|not at all a problem|no doubt)\\b|^(没问题|没错|不错|可不是|当然没问题|没毛病)");
  private static final Pattern EN_NO =
      Pattern.compile(
          "^(no|nope|nah|not|negative|never|none|nobody|no one|nothing|i don't|i do not|i didn't|i did not|i'm not"
              + "|i am not|it isn't|it's not|it is not|it wasn't|it was not|there wasn't|there was not|there weren't"
              + "|they didn't|we didn't|didn't|don't|wasn't|isn't|can't|cannot|no thanks|no thank you|not really"
              + "|i haven't|i have not|incorrect|wrong|false|i disagree|i do not agree)\\b");
  private static final Pattern EN_UNKNOWN =
      Pattern.compile(
          "\\b(don'?t know|do not know|not sure|no idea|can'?t remember|cannot remember|don'?t remember|do not remember"
              + "|don'?t recall|can'?t recall|not certain|unsure|i forget|i forgot|don'?t have it|do not have it|not with me"
              + "|rather not|prefer not|won'?t say|can'?t say|couldn'?t say|cannot say|could not say|hard to say|no clue|beats me|who knows"
              + "|skip|pass|no comment|private|confidential|negotiable|open to (?:discussion|offers)"
              + "|(?:discuss|talk about|go over) (?:that|it|this)(?: later| in person| in the interview| at the interview| face to face)"
              + "|rather discuss|prefer to discuss|prefer to keep)\\b");
  private static final Pattern DECLINE =
      Pattern.compile("\\b(i'd|i would|i'd much) (rather|prefer) not\\b(?!\\s+(to\\s+)?(say|tell|answer|share|disclose|discuss|give))"
          + "|\\bi (don't|do not) (want|wish) to\\b(?!\\s+(say|tell|answer|share|disclose|discuss|give))");
  private static final Pattern ZH_UNKNOWN =
      Pattern.compile("(不知道|不清楚|不记得|记不得|记不清|忘了|忘记了|不确定|说不准|不太清楚|没带|不方便|跳过|不想说|不愿意说|保密|不想透露|面议|面谈|以后再谈|见面再谈|再谈吧|说不好|说不上来|不好说|很难说)");
  private static final Pattern ZH_NEG = Pattern.compile("^(不|没|沒|无|否|别|甭)|(没有|不是|不对|不用|不要|不能|不行|不可以|不同意|不需要|没了|并没有|未)");
  private static final Pattern ZH_YES =
      Pattern.compile("(是|对|没错|有|要|可以|能|好|行|同意|需要|嗯|当然|确定|正确|了|会|愿意|OK|ok|对的)");
  private static final Pattern AGENT =
      Pattern.compile("\\b(agent|human|representative|operator|real person|someone real)\\b|人工|转人工|真人|客服人员|接线员");
  /** Asking for "someone" is a request for a person, unless it follows a yes or no ("yes, I'd like to speak to someone"). */
  private static final Pattern AGENT_WEAK =
      Pattern.compile("\\b(a person|(?:speak|talk) (?:to|with) (?:a |an )?(?:person|someone|somebody))\\b|找人");
  private static final Pattern STARTS_YES_NO = Pattern.compile("^(yes|yeah|yep|yup|sure|no|nope|nah|要|需要|是|对|好|不|没)");
  private static final Pattern REPEAT =
      Pattern.compile("\\b(repeat|say (?:that|it) again|pardon|come again|sorry\\?|what was that)\\b|再说一遍|重复一下|没听清|没听懂|你说什么");
  private static final Pattern CORRECTION =
      Pattern.compile(
          "^(?:no[,.]?\\s+|sorry[,.]?\\s+|oops[,.]?\\s+|wait[,.]?\\s+)*(?:i meant|i mean|actually(?: it was| it's)?|correction"
              + "|let me correct that|make that|it should be|that should be)\\b[,:]?\\s*"
              + "|^(?:不对|不是|错了|说错了)?[，,。\\s]*(?:我是说|我的意思是|应该是|更正一下|改成|更正)[，,：:\\s]*");
  private static final java.util.Set<String> NOTHING_WORDS = java.util.Set.of(
      "no", "nope", "nah", "nothing", "else", "that's", "thats", "that", "is", "it", "it's", "all", "thanks", "thank", "you",
      "i'm", "im", "i", "am", "good", "fine", "not", "really", "none", "comment", "comments", "more", "to", "add", "have",
      "don't", "dont", "anything", "at", "the", "moment", "for", "now", "n/a", "nothing's", "everything", "was", "ok", "okay");
  private static final Pattern NOTHING_ZH =
      Pattern.compile("^(没有|没了|没什么|没啥|无|不用了?|就这些|就这样|没有意见|没意见|没有了|没有别的|没别的|暂时没有|都挺好的就这样)[了的吧啊呢。.!！,，\\s]*(意见|建议|要说的|补充的|了)?[了的吧啊呢。.!！]*$");

  static String norm(String text) {
    return text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('’', '\'');
  }

  static boolean isChinese(String text) {
    return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** TRUE for yes, FALSE for no, null when the answer is neither. */
  static Boolean yesNo(String text, List<String> yesCues, List<String> noCues) {
    String t = norm(text).replaceAll("^(well|um|uh|erm|oh|so|hmm)[,.]?\\s+", "");
    if (t.isEmpty()) {
      return null;
    }
    if (AFFIRMATIVE_NEGATION.matcher(t).find()) {
      return true;
    }
    if (isChinese(t)) {
      if (ZH_UNKNOWN.matcher(t).find()) {
        return null;
      }
      for (String cue : noCues) {
        if (t.contains(cue)) {
          return false;
        }
      }
      if (ZH_NEG.matcher(t).find()) {
        return false;
      }
      for (String cue : yesCues) {
        if (t.contains(cue)) {
          return true;
        }
      }
      return ZH_YES.matcher(t).find() ? true : null;
    }
    if (DECLINE.matcher(t).find()) {
      return false; // "I'd rather not" to "do you agree?" is a no; "I'd rather not say" is no answer
    }
    if (EN_UNKNOWN.matcher(t).find() && !t.startsWith("yes") && !t.startsWith("no")) {
      return null;
    }
    if (EN_NO.matcher(t).find()) {
      return false;
    }
    // the slot's own cues before the generic lexicon: "I'm fine" answers "was anyone injured?" with no
    for (String cue : noCues) {
      if (t.contains(cue)) {
        return false;
      }
    }
    for (String cue : yesCues) {
      if (t.contains(cue)) {
        return true;
      }
    }
    if (EN_YES.matcher(t).find()) {
      return true;
    }
    if (t.matches(".*\\b(no|not|never|didn't|wasn't|isn't|don't)\\b.*")) {
      return false;
    }
    return t.matches(".*\\b(yes|yeah|yep|sure|correct)\\b.*") ? true : null;
  }

  static boolean unknown(String text) {
    String t = norm(text);
    return EN_UNKNOWN.matcher(t).find() || ZH_UNKNOWN.matcher(t).find();
  }

  static boolean wantsAgent(String text) {
    String t = norm(text);
    return AGENT.matcher(t).find() || AGENT_WEAK.matcher(t).find() && !STARTS_YES_NO.matcher(t).find();
  }

  static boolean wantsRepeat(String text) {
    return REPEAT.matcher(norm(text)).find();
  }

  /** The rest of the utterance after a correction marker ("no, I meant ..."), or null if none. */
  static String correction(String text) {
    String t = text == null ? "" : text.trim();
    var m = CORRECTION.matcher(t.toLowerCase(Locale.ROOT).replace('’', '\''));
    if (m.find() && m.end() > 0 && m.end() < t.length()) {
      return t.substring(m.end()).trim();
    }
    return null;
  }

  /** True when the caller has nothing to add ("nothing else", "no, that's all", "没有"). */
  static boolean nothing(String text) {
    String t = norm(text);
    if (t.isEmpty()) {
      return false;
    }
    if (isChinese(t)) {
      return NOTHING_ZH.matcher(t.replaceAll("\\s", "")).find();
    }
    String[] words = t.replaceAll("[.,!?;:]", " ").trim().split("\\s+");
    boolean negative = false;
    for (String w : words) {
      if (!NOTHING_WORDS.contains(w)) {
        return false;
      }
      negative |= w.equals("no") || w.equals("nope") || w.equals("nothing") || w.equals("none") || w.equals("nah")
          || w.equals("not") || w.equals("that's") || w.equals("all");
    }
    return negative;
  }
}
