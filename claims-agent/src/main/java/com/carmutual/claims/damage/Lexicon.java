package com.carmutual.claims.damage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of damage reports in English and Chinese: part names and synonyms, sides, front/rear
 * positions, damage words, severity words and negations. Matching is longest-first, so "broken
 * off" beats "broken" and 后视镜 (mirror) beats 后 (rear).
 *
 * <p>Part entries name a fixed part code or a family ({@code @DOOR}, {@code @BUMPER}, ...) that the
 * reader resolves with the front/rear position said next to it or in the sentence.
 */
final class Lexicon {
  enum Kind {
    PART,
    SIDE,
    POS,
    BOTH,
    DAMAGE,
    SEV,
    NEG,
    RANGE
  }

  record Entry(String phrase, Kind kind, String value) {}

  /** A match of an entry in a text: [start, end). */
  record Token(Kind kind, String value, int start, int end, String text) {}

  private final Map<Character, List<Entry>> byFirst = new HashMap<>();

  Lexicon() {
    parts();
    sides();
    damages();
    severities();
    negations();
    for (List<Entry> l : byFirst.values()) {
      l.sort(Comparator.comparingInt((Entry e) -> e.phrase().length()).reversed());
    }
  }

  /** Tokens of {@code text} (already lower-cased), left to right, longest match at each place. */
  List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Entry best = null;
      List<Entry> candidates = byFirst.get(text.charAt(i));
      if (candidates != null && startsWord(text, i)) {
        for (Entry e : candidates) {
          if (text.startsWith(e.phrase(), i) && endsWord(text, i + e.phrase().length(), e.phrase())) {
            best = e;
            break;
          }
        }
      }
      if (best != null) {
        int end = i + best.phrase().length();
        out.add(new Token(best.kind(), best.value(), i, end, text.substring(i, end)));
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean ascii(char c) {
    return c < 128;
  }

  private static boolean wordChar(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static boolean startsWord(String text, int i) {
    if (!wordChar(text.charAt(i))) {
      return true;
    }
    return i == 0 || !wordChar(text.charAt(i - 1));
  }

  private static boolean endsWord(String text, int end, String phrase) {
    char last = phrase.charAt(phrase.length() - 1);
    if (!ascii(last) || !wordChar(last)) {
      return true;
    }
    return end >= text.length() || !wordChar(text.charAt(end));
  }

  private void add(Kind kind, String value, String... phrases) {
    for (String p : phrases) {
      String phrase = p.toLowerCase(Locale.ROOT);
      byFirst.computeIfAbsent(phrase.charAt(0), c -> new ArrayList<>()).add(new Entry(phrase, kind, value));
    }
  }

  /** Adds English part names with their plural forms. */
  private void part(String value, String... phrases) {
    for (String p : phrases) {
      add(Kind.PART, value, p);
      boolean english = p.chars().allMatch(c -> c < 128);
      if (english) {
        if (p.endsWith("s") || p.endsWith("x") || p.endsWith("sh") || p.endsWith("ch")) {
          add(Kind.PART, value, p + "es");
        } else {
          add(Kind.PART, value, p + "s");
        }
      }
    }
  }

  private void parts() {
    part("@BUMPER", "bumper", "bumper cover", "bumper fascia", "fascia", "bumper skin", "bumper bar");
    part("FRT_BUMPER_COVER", "front bumper", "front bumper cover", "front fascia", "前保险杠", "前杠", "前保", "前包围");
    part("REAR_BUMPER_COVER", "rear bumper", "back bumper", "rear bumper cover", "rear fascia", "后保险杠", "后杠", "后保", "后包围");
    part("@BUMPER", "保险杠", "保险杆", "包围");
    part("@REINF", "bumper reinforcement", "reinforcement", "impact bar", "bumper beam", "rebar", "crash bar", "防撞梁", "防撞钢梁");
    part("FRT_BUMPER_ABSORBER", "energy absorber", "absorber", "bumper foam", "吸能盒", "缓冲块", "泡沫");
    part("FRT_GRILLE", "grille", "grill", "front grille", "radiator grille", "中网", "格栅", "进气格栅");
    part("FRT_LOWER_GRILLE", "lower grille", "lower grill", "bumper insert", "下格栅", "下中网");
    part("HOOD", "hood", "bonnet", "hood panel", "机盖", "引擎盖", "发动机盖", "前机盖", "前盖");
    part("HOOD_HINGE", "hood hinge", "hinge", "机盖铰链", "铰链");
    part("@FENDER", "fender", "wing", "叶子板", "翼子板");
    part("FENDER", "front fender", "前叶子板", "前翼子板");
    part("QUARTER_PANEL", "rear fender", "quarter panel", "quarter", "rear quarter", "qtr panel", "qtr", "后叶子板", "后翼子板");
    part("FENDER_LINER", "fender liner", "liner", "splash shield", "inner fender", "wheel well liner", "wheelhouse liner", "mud guard", "mudguard", "内衬", "叶子板内衬", "轮弧内衬", "挡泥板");
    part("@LAMP", "light", "lamp", "灯");
    part("HEADLAMP", "headlamp", "headlight", "head lamp", "head light", "front light", "大灯", "前大灯", "头灯");
    part("FOG_LAMP", "fog lamp", "fog light", "foglight", "foglamp", "雾灯");
    part("RAD_SUPPORT", "radiator support", "rad support", "core support", "水箱框架", "水箱支架", "龙门架");
    part("RADIATOR", "radiator", "水箱", "散热器");
    part("AC_CONDENSER", "condenser", "a/c condenser", "ac condenser", "冷凝器", "空调冷凝器");
    part("@RADAR", "radar", "radar sensor", "雷达");
    part("FRT_RADAR", "front radar", "acc sensor", "cruise control sensor", "adaptive cruise sensor", "collision sensor", "前雷达", "自适应巡航雷达");
    part("PARK_SENSOR", "parking sensor", "park sensor", "park assist sensor", "ultrasonic sensor", "backup sensor", "reverse sensor", "proximity sensor", "sensor", "倒车雷达", "泊车雷达", "雷达探头", "探头", "传感器");
    part("BSM_RADAR", "blind spot monitor", "blind spot sensor", "blind-spot monitor", "blind-spot sensor", "blind spot radar", "blind spot", "bsm", "bsm sensor", "盲区雷达", "盲区监测", "并线辅助", "并线雷达");
    part("WINDSHIELD", "windshield", "windscreen", "front windshield", "front glass", "front windscreen", "前挡风玻璃", "挡风玻璃", "前挡玻璃", "前挡", "前风挡", "前风挡玻璃");
    part("COWL_COVER", "cowl", "cowl cover", "cowl panel", "导水槽", "雨刮盖板");
    part("@DOOR", "door", "door panel", "door shell", "door skin", "车门", "门", "门板");
    part("FRT_DOOR_SHELL", "front door", "前门", "前车门");
    part("REAR_DOOR_SHELL", "rear door", "back door", "后门", "后车门");
    part("MIRROR", "mirror", "side mirror", "wing mirror", "door mirror", "outside mirror", "mirror cap", "mirror housing", "mirror glass", "rearview mirror", "后视镜", "倒车镜", "反光镜", "外后视镜", "后视镜壳");
    part("DOOR_HANDLE", "door handle", "handle", "门把手", "把手", "拉手", "门拉手");
    part("BODYSIDE_MLDG", "moulding", "molding", "body side moulding", "body side molding", "belt moulding", "belt molding", "trim strip", "door trim", "饰条", "防擦条", "亮条");
    part("@WINDOW", "window", "glass", "side window", "玻璃", "车窗", "窗户");
    part("DOOR_GLASS", "door glass", "door window", "车窗玻璃", "门玻璃", "侧窗", "侧窗玻璃");
    part("BACK_GLASS", "back glass", "rear glass", "rear windshield", "rear windscreen", "back window", "liftgate glass", "hatch glass", "tailgate glass", "rear window glass", "后挡风玻璃", "后挡玻璃", "后挡", "后风挡", "后窗", "后窗玻璃", "尾门玻璃");
    part("ROCKER_OUTER", "rocker", "rocker panel", "sill", "side skirt", "side sill", "裙边", "侧裙", "门槛", "门槛梁");
    part("B_PILLAR_OUTER", "b pillar", "b-pillar", "center pillar", "centre pillar", "b柱", "中柱");
    part("ROOF_PANEL", "roof", "roof panel", "车顶", "顶棚", "车顶盖");
    part("FUEL_DOOR", "fuel door", "gas door", "fuel filler door", "gas cap door", "fuel flap", "油箱盖", "加油口盖", "油箱口盖");
    part("TRUNK_LID", "trunk", "trunk lid", "decklid", "deck lid", "boot lid", "boot", "后备箱", "后备箱盖", "行李箱", "行李箱盖", "尾箱", "后箱盖");
    part("@TAILGATE", "tailgate", "tail gate", "尾门", "后尾门");
    part("LIFTGATE", "liftgate", "lift gate", "hatch", "rear hatch", "hatchback door", "掀背门");
    part("SPOILER", "spoiler", "rear spoiler", "尾翼", "扰流板");
    part("TAIL_LAMP", "tail lamp", "tail light", "taillight", "taillamp", "brake light", "rear light", "rear lamp", "stop lamp", "尾灯", "后尾灯", "刹车灯", "后灯");
    part("REAR_BODY_PANEL", "rear body panel", "tail panel", "rear panel", "back panel", "rear body", "后围板", "后围");
    part("WHEEL_ALLOY", "wheel", "rim", "alloy", "alloy wheel", "hub", "轮毂", "钢圈", "轮圈", "铝圈");
    part("TIRE", "tire", "tyre", "轮胎", "车胎", "胎");
    part("WHEEL_FLARE", "fender flare", "flare", "wheel arch", "wheel arch moulding", "wheel opening moulding", "wheel opening molding", "轮眉");
    part("BEDSIDE_PICKUP", "bed side", "bedside", "bed", "truck bed", "box side", "pickup box", "货箱侧板", "货箱");
  }

  private void sides() {
    add(Kind.SIDE, "LEFT", "left", "left side", "left-hand", "left hand", "lh", "driver", "driver's", "drivers", "driver side", "driver's side", "drivers side", "driver-side",
        "左", "左侧", "左边", "主驾", "主驾驶", "驾驶位", "驾驶员侧", "司机侧", "主驾侧", "驾驶侧");
    add(Kind.SIDE, "RIGHT", "right", "right side", "right-hand", "right hand", "rh", "passenger", "passenger's", "passengers", "passenger side", "passenger's side", "passenger-side",
        "右", "右侧", "右边", "副驾", "副驾驶", "副驾驶位", "副驾侧", "副驾驶侧");
    add(Kind.SIDE, "LEFT:front", "lf", "l/f", "left front", "front left", "left-front", "front-left", "fl", "driver front", "front driver");
    add(Kind.SIDE, "RIGHT:front", "rf", "r/f", "right front", "front right", "right-front", "front-right", "fr", "passenger front", "front passenger");
    add(Kind.SIDE, "LEFT:rear", "lr", "l/r", "left rear", "rear left", "left-rear", "rear-left", "rl", "driver rear", "rear driver");
    add(Kind.SIDE, "RIGHT:rear", "rr", "r/r", "right rear", "rear right", "right-rear", "rear-right", "passenger rear", "rear passenger");
    add(Kind.BOTH, "BOTH", "both", "both sides", "left and right", "right and left", "either side", "each side", "两侧", "两边", "左右", "双侧", "两个", "两只");
    add(Kind.POS, "front", "front", "front end", "front-end", "nose", "head-on", "head on", "forward", "前", "车头", "前部", "前面");
    add(Kind.POS, "rear", "rear", "back", "rear end", "rear-end", "rear-ended", "rear ended", "backed into", "backed up into", "reversed into", "back end",
        "后", "车尾", "尾部", "后部", "后面", "追尾");
    add(Kind.RANGE, "to", "to", "through", "thru", "all the way to", "until", "->", "到", "至", "一直到");
  }

  private void damages() {
    add(Kind.DAMAGE, "scratch", "scratch", "scratches", "scratched", "scratching", "scuff", "scuffs", "scuffed", "scuffing", "scrape", "scrapes", "scraped", "scraping",
        "keyed", "key scratch", "curb rash", "curbed", "kerbed", "paint chip", "paint chips", "paint chipped", "chipped paint", "rubbed", "swiped", "gouge", "gouged", "paint transfer",
        "划痕", "划伤", "划了", "划花", "划", "刮花", "刮伤", "刮痕", "刮了", "刮", "蹭花", "蹭伤", "蹭了", "蹭", "擦伤", "擦花", "擦了", "掉漆", "脱漆", "剐蹭", "剐", "磨损", "磨花", "磨了");
    add(Kind.DAMAGE, "scratch:moderate", "paint gone", "paint off", "down to the metal", "down to the primer", "to the metal", "露出底漆", "露底漆", "见底");
    add(Kind.DAMAGE, "dent", "dent", "dents", "dented", "denting", "pushed in", "pushed-in", "dimple", "dimpled", "凹陷", "凹", "坑", "瘪", "撞凹", "凹进去", "凹进", "瘪了");
    add(Kind.DAMAGE, "chip", "chip", "chips", "chipped", "崩了", "崩");
    add(Kind.DAMAGE, "scratch:minor", "light scratch", "light scratches", "light scuff", "light scuffs", "light scrape");
    add(Kind.DAMAGE, "dent:minor", "light dent", "ding", "dings", "dinged", "hail damage", "hail dents", "小坑");
    add(Kind.DAMAGE, "dent:severe", "caved in", "caved-in", "crushed", "crumpled", "smashed in", "stove in", "凹进去一大块", "撞瘪");
    add(Kind.DAMAGE, "crack", "crack", "cracks", "cracked", "cracking", "split", "splits", "fractured", "star", "bullseye",
        "裂", "裂了", "裂纹", "裂缝", "裂开", "开裂", "砸裂", "撞裂");
    add(Kind.DAMAGE, "broken", "broken", "broke", "smashed", "busted", "bust", "destroyed", "not working", "doesn't work", "does not work", "stopped working", "won't turn on",
        "dead", "throws an error", "error", "fault", "faulty", "malfunction", "malfunctioning", "inoperable", "knocked out", "wrecked",
        "碎", "碎了", "坏了", "坏", "破", "破了", "撞碎", "撞坏", "不亮", "不工作", "失灵", "故障", "报警", "报错", "烂了");
    add(Kind.DAMAGE, "shattered", "shattered", "shatter", "玻璃碎了");
    add(Kind.DAMAGE, "missing", "missing", "came off", "come off", "fell off", "fallen off", "broken off", "broke off", "snapped off", "ripped off", "knocked off", "torn off",
        "sheared off", "stolen", "gone", "掉了", "掉", "脱落", "蹭掉", "撞掉", "丢了", "没了", "被偷");
    add(Kind.DAMAGE, "torn", "torn", "tear", "tore", "ripped", "hanging off", "hanging down", "hanging", "dangling", "detached", "pulled out", "popped out",
        "撕裂", "撕开", "耷拉", "挂着", "脱开", "松脱", "掉出来");
    add(Kind.DAMAGE, "puncture", "flat", "nail", "screw in", "puncture", "punctured", "slow leak", "leak", "leaking", "hole", "holed",
        "扎胎", "扎了", "扎", "钉子", "漏气", "没气", "漏水", "穿孔", "破洞");
    add(Kind.DAMAGE, "puncture:severe", "blown", "blown out", "blowout", "blew out", "exploded", "爆胎", "爆了", "爆");
    add(Kind.DAMAGE, "bent", "bent", "bend", "deformed", "warped", "twisted", "out of shape", "misshapen", "变形", "弯了", "弯", "扭曲");
    add(Kind.DAMAGE, "bent", "won't close", "won't open", "won't latch", "doesn't close", "does not close", "doesn't open", "misaligned", "关不上", "打不开", "合不上");
    add(Kind.DAMAGE, "bent:severe", "buckled", "kinked", "folded", "严重变形");
    add(Kind.DAMAGE, "generic", "damaged", "damage", "hit", "impacted", "struck", "受损", "损坏", "撞了", "撞到", "撞");
  }

  private void severities() {
    add(Kind.SEV, "minor", "small", "tiny", "slight", "slightly", "minor", "lightly", "little", "barely", "faint", "superficial", "cosmetic", "shallow",
        "小", "轻微", "轻", "一点", "一点点", "少许", "浅", "浅浅", "一道");
    add(Kind.SEV, "moderate", "deep", "long", "deeply", "fist-sized", "fist sized", "medium", "深", "长", "很深", "一长道", "好几道", "很长");
    add(Kind.SEV, "severe", "badly", "severely", "severe", "big", "large", "huge", "massive", "heavily", "heavy", "major", "serious", "seriously", "totally", "completely",
        "严重", "一大块", "大块", "大面积", "很大", "大坑", "很严重", "彻底");
  }

  private void negations() {
    add(Kind.NEG, "NEG", "fine", "is fine", "ok", "okay", "intact", "undamaged", "not damaged", "no damage", "unharmed", "untouched", "unscathed", "all good", "looks good",
        "nothing wrong", "not affected", "no issue", "no issues", "no problem",
        "没事", "没坏", "完好", "没问题", "正常", "没有损坏", "无损", "没受损", "没有问题", "好好的", "没有事", "没损坏");
  }
}
