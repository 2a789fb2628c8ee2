package com.carmutual.claims.damage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of damage reports in English and Chinese, by meaning: part names with their
 * synonyms and adjuster abbreviations, sides, front/rear positions, damage words (value {@code
 * type} or {@code type:intensity}), intensity words, negations, doubt, the other vehicle and the
 * scene. Every entry names a kind of wording, never one report's phrase; {@link Tokenizer} matches
 * it longest-first, so "broken off" beats "broken" and 后视镜 (mirror) beats 后 (rear).
 *
 * <p>Part entries name a part code or a family ({@code @DOOR}, {@code @BUMPER}, ...) that {@link
 * PartResolver} settles with the position and the vehicle.
 */
final class Lexicon {
  enum Kind {
    PART,
    SIDE,
    POS,
    BOTH,
    ALL,
    DAMAGE,
    SEV,
    /** A predicate saying the part is fine ("is fine", 没事). */
    FINE,
    /** A predicate saying the part works ("still works"); only counts right after the part. */
    WORKS,
    /** A negator in front of a damage, an intensity or a part ("no", "not", 没有). */
    NOT,
    /** Doubt or a retraction: the damage is not confirmed ("I thought", "might", 可能). */
    DOUBT,
    /** A possessive of the other vehicle ("their", 对方的): its parts are not ours. */
    OTHER,
    /** A possessive of our vehicle ("my", 我的): ends the other vehicle's scope. */
    OWN,
    /** "that side", 同侧: the side said last. */
    THAT_SIDE,
    /** Paint as the subject of a damage word ("paint came off", 漆掉了): a scratch. */
    PAINT,
    /** "to", "through", 到: a range of panels along one side. */
    RANGE,
    /** Words that only look like parts or intensities: scene objects, places, names. */
    NEUTRAL
  }

  record Entry(String phrase, Kind kind, String value) {}

  private final Map<Character, List<Entry>> byFirst = new HashMap<>();
  private final Set<String> englishWords = new HashSet<>();
  private final Set<String> partAndSideWords = new HashSet<>();

  Lexicon() {
    parts();
    sides();
    damages();
    intensities();
    negationsAndDoubt();
    vehiclesAndScene();
    for (List<Entry> l : byFirst.values()) {
      l.sort(Comparator.comparingInt((Entry e) -> e.phrase().length()).reversed());
    }
  }

  /** Entries whose phrase starts with {@code c}, longest first. */
  List<Entry> startingWith(char c) {
    return byFirst.getOrDefault(c, List.of());
  }

  /** Every English word of the vocabulary (never corrected as a typo). */
  Set<String> englishWords() {
    return englishWords;
  }

  /** English part and side words of six letters or more: the targets of typo repair. */
  Set<String> typoTargets() {
    return partAndSideWords;
  }

  private void add(Kind kind, String value, String... phrases) {
    for (String p : phrases) {
      String phrase = p.toLowerCase(Locale.ROOT);
      byFirst.computeIfAbsent(phrase.charAt(0), c -> new ArrayList<>()).add(new Entry(phrase, kind, value));
      for (String w : phrase.split("[^a-z]+")) {
        if (!w.isEmpty()) {
          englishWords.add(w);
          if ((kind == Kind.PART || kind == Kind.SIDE) && w.length() >= 6) {
            partAndSideWords.add(w);
          }
        }
      }
    }
  }

  /** Adds part names, English ones with their plural forms. */
  private void part(String value, String... phrases) {
    for (String p : phrases) {
      add(Kind.PART, value, p);
      if (p.chars().allMatch(c -> c < 128) && Character.isLetter(p.charAt(p.length() - 1))) {
        add(Kind.PART, value, p.endsWith("s") || p.endsWith("x") || p.endsWith("sh") || p.endsWith("ch") ? p + "es" : p + "s");
      }
    }
  }

  private void parts() {
    part("@BUMPER", "bumper", "bumper cover", "bumper fascia", "fascia", "bumper skin", "bumper bar", "bpr", "bumper cvr", "bpr cvr");
    part("FRT_BUMPER_COVER", "fbc", "保险杠皮", "杠皮");
    part("REAR_BUMPER_COVER", "rbc", "step bumper");
    part("FRT_BUMPER_COVER", "前保险杠", "前杠", "前保", "前包围", "前保险杆");
    part("REAR_BUMPER_COVER", "后保险杠", "后杠", "后保", "后包围", "后保险杆");
    part("@BUMPER", "保险杠", "保险杆", "包围", "杠");
    part("@REINF", "bumper reinforcement", "reinforcement", "impact bar", "bumper beam", "rebar", "crash bar", "防撞梁", "防撞钢梁", "保险杠骨架");
    part("FRT_BUMPER_ABSORBER", "energy absorber", "absorber", "bumper foam", "foam absorber", "吸能盒", "缓冲块", "泡沫", "吸能泡沫");
    part("FRT_GRILLE", "grille", "grill", "radiator grille", "upper grille", "中网", "格栅", "进气格栅", "前格栅");
    part("FRT_LOWER_GRILLE", "lower grille", "lower grill", "bumper insert", "grille insert", "lower insert", "bumper grille", "lower vent", "下格栅", "下中网", "下进气格栅", "保险杠格栅");
    part("HOOD", "hood", "bonnet", "hood panel", "机盖", "引擎盖", "发动机盖", "前机盖", "前盖", "机器盖");
    part("HOOD_HINGE", "hood hinge", "hinge", "机盖铰链", "铰链");
    part("@FENDER", "fender", "wing", "fdr", "叶子板", "翼子板");
    part("FENDER", "前叶子板", "前翼子板");
    part("@QUARTER", "quarter panel", "quarter", "qtr panel", "qtr", "qp", "qtr pnl", "rear quarter");
    part("QUARTER_PANEL", "后叶子板", "后翼子板", "后侧围", "侧围");
    part("FENDER_LINER", "fender liner", "liner", "splash shield", "inner fender", "wheel well liner", "wheelhouse liner", "mud guard", "mudguard", "mud flap",
        "内衬", "叶子板内衬", "轮弧内衬", "挡泥板", "挡泥皮");
    part("@LAMP", "light", "lamp", "lite", "lamp assembly", "灯", "车灯");
    part("HEADLAMP", "headlamp", "headlight", "head lamp", "head light", "headlite", "hl", "hla", "h/l", "前车灯", "大灯", "前大灯", "头灯", "前照灯");
    part("TAIL_LAMP", "tail lamp", "tail light", "taillight", "taillamp", "taillite", "brake light", "stop lamp", "tl", "t/l", "后车灯", "尾灯", "后尾灯", "刹车灯", "后灯");
    part("FOG_LAMP", "fog lamp", "fog light", "foglight", "foglamp", "雾灯", "前雾灯");
    part("RAD_SUPPORT", "radiator support", "rad support", "core support", "水箱框架", "水箱支架", "龙门架");
    part("RADIATOR", "radiator", "水箱", "散热器");
    part("AC_CONDENSER", "condenser", "a/c condenser", "ac condenser", "冷凝器", "空调冷凝器");
    part("@RADAR", "radar", "radar sensor", "雷达");
    part("FRT_RADAR", "front radar", "acc sensor", "cruise control sensor", "adaptive cruise sensor", "collision sensor", "前雷达", "自适应巡航雷达", "前毫米波雷达");
    part("PARK_SENSOR", "parking sensor", "park sensor", "park assist sensor", "ultrasonic sensor", "backup sensor", "reverse sensor", "reversing sensor", "proximity sensor", "pdc sensor",
        "sensor", "倒车雷达", "泊车雷达", "雷达探头", "探头", "传感器", "倒车传感器");
    part("BSM_RADAR", "blind spot monitor", "blind spot sensor", "blind-spot monitor", "blind-spot sensor", "blind spot radar", "blind spot warning", "blind spot system",
        "blind spot", "blind-spot", "bsm", "bsm sensor", "bsm radar", "lane change assist", "盲区雷达", "盲区监测", "盲点监测", "并线辅助", "并线雷达", "盲区");
    part("WINDSHIELD", "windshield", "windscreen", "front windshield", "front glass", "front windscreen", "w/s", "wshld",
        "前挡风玻璃", "挡风玻璃", "前挡玻璃", "前挡", "前风挡", "前风挡玻璃");
    part("COWL_COVER", "cowl", "cowl cover", "cowl panel", "导水槽", "雨刮盖板");
    part("@DOOR", "door", "door panel", "door shell", "door skin", "dr", "车门", "门", "门板", "门皮");
    part("FRT_DOOR_SHELL", "前门", "前车门");
    part("REAR_DOOR_SHELL", "后门", "后车门");
    part("MIRROR", "mirror", "side mirror", "wing mirror", "door mirror", "outside mirror", "mirror cap", "mirror housing", "mirror glass", "mirror cover", "rearview mirror",
        "后视镜", "倒车镜", "反光镜", "外后视镜", "后视镜壳", "镜壳", "后视镜片");
    part("DOOR_HANDLE", "door handle", "handle", "门把手", "把手", "拉手", "门拉手", "外拉手");
    part("BODYSIDE_MLDG", "moulding", "molding", "mldg", "body side moulding", "body side molding", "belt moulding", "belt molding", "trim strip", "door trim",
        "饰条", "防擦条", "亮条", "装饰条");
    part("@WINDOW", "window", "glass", "side window", "玻璃", "车窗", "窗户", "窗");
    part("DOOR_GLASS", "前车窗", "door glass", "door window", "车窗玻璃", "门玻璃", "侧窗", "侧窗玻璃", "车门玻璃");
    part("BACK_GLASS", "后车窗", "back glass", "rear glass", "rear windshield", "rear windscreen", "back windshield", "liftgate glass", "hatch glass", "tailgate glass",
        "后挡风玻璃", "后挡玻璃", "后挡", "后风挡", "后窗", "后窗玻璃", "尾门玻璃", "后风挡玻璃");
    part("ROCKER_OUTER", "rocker", "rocker panel", "sill", "side skirt", "side sill", "rocker pnl", "裙边", "侧裙", "门槛", "门槛梁", "侧裙边");
    part("B_PILLAR_OUTER", "b pillar", "b-pillar", "center pillar", "centre pillar", "b柱", "中柱");
    part("ROOF_PANEL", "roof", "roof panel", "车顶", "顶棚", "车顶盖", "顶盖");
    part("FUEL_DOOR", "fuel door", "gas door", "fuel filler door", "gas cap door", "fuel flap", "gas flap", "gas cap cover", "油箱盖", "加油口盖", "油箱口盖", "充电口盖");
    part("@TRUNK", "trunk", "trunk lid", "decklid", "deck lid", "boot lid", "boot", "后备箱", "后备箱盖", "行李箱", "行李箱盖", "尾箱", "后箱盖", "后盖");
    part("@TAILGATE", "tailgate", "tail gate", "尾门", "后尾门");
    part("LIFTGATE", "liftgate", "lift gate", "hatch", "rear hatch", "hatchback door", "掀背门");
    part("SPOILER", "spoiler", "rear spoiler", "wing spoiler", "尾翼", "扰流板");
    part("REAR_BODY_PANEL", "rear body panel", "tail panel", "rear panel", "back panel", "rear body", "后围板", "后围");
    part("@WHEEL", "wheel", "rim", "alloy", "alloy wheel", "hub", "whl", "车轮", "轮");
    part("WHEEL_ALLOY", "轮毂", "钢圈", "轮圈", "铝圈", "轮辋");
    part("TIRE", "tire", "tyre", "轮胎", "车胎", "胎");
    part("WHEEL_FLARE", "fender flare", "flare", "wheel arch moulding", "wheel arch molding", "wheel opening moulding", "wheel opening molding", "arch trim", "轮眉", "轮眉饰板");
    // parts with no code of ours: they take their own damage words, and no line comes of them
    part("@NONE", "camera", "backup camera", "back-up camera", "rear camera", "airbag", "air bag", "license plate", "number plate", "plate", "plate frame",
        "license plate frame", "exhaust", "exhaust tip", "tailpipe", "tail pipe", "muffler", "antenna", "wiper", "wiper blade", "sunroof", "moonroof", "roof rack",
        "hitch", "tow hitch", "emblem", "badge", "seat", "dashboard", "dashcam", "dash cam", "steering wheel",
        "摄像头", "倒车影像", "气囊", "安全气囊", "车牌", "牌照", "车牌架", "牌照框", "排气管", "尾喉", "天线", "雨刮", "雨刷", "天窗", "行李架", "拖车钩", "车标", "座椅",
        "仪表盘", "行车记录仪", "发动机", "大梁", "导流板", "前唇", "下巴", "front lip", "air dam", "splitter", "deflector");
    part("BEDSIDE_PICKUP", "bed side", "bedside", "bed", "truck bed", "box side", "pickup box", "bed rail", "货箱侧板", "货箱", "车斗");
  }

  private void sides() {
    add(Kind.SIDE, "LEFT", "left", "left side", "left-hand", "left hand", "lh", "lt", "l", "driver", "driver's", "drivers", "driver side", "driver's side", "drivers side",
        "driver-side", "drvr", "左", "左侧", "左边", "左手", "主驾", "主驾驶", "驾驶位", "驾驶员侧", "司机侧", "主驾侧", "驾驶侧", "主驾驶侧", "司机那侧", "主驾那侧");
    add(Kind.SIDE, "RIGHT", "right", "right side", "right-hand", "right hand", "rh", "rt", "r", "passenger", "passenger's", "passengers", "passenger side", "passenger's side",
        "passenger-side", "pass side", "右", "右侧", "右边", "右手", "副驾", "副驾驶", "副驾驶位", "副驾侧", "副驾驶侧", "副驾那侧");
    add(Kind.SIDE, "LEFT:front", "lf", "l/f", "left front", "front left", "left-front", "front-left", "fl", "driver front", "front driver", "左前", "左前方", "左前侧");
    add(Kind.SIDE, "RIGHT:front", "rf", "r/f", "right front", "front right", "right-front", "front-right", "fr", "passenger front", "front passenger", "右前", "右前方", "右前侧");
    add(Kind.SIDE, "LEFT:rear", "lr", "l/r", "left rear", "rear left", "left-rear", "rear-left", "rl", "driver rear", "rear driver", "左后", "左后方", "左后侧");
    add(Kind.SIDE, "RIGHT:rear", "rr", "r/r", "right rear", "rear right", "right-rear", "rear-right", "passenger rear", "rear passenger", "右后", "右后方", "右后侧");
    add(Kind.BOTH, "BOTH", "both", "both sides", "left and right", "right and left", "either side", "each side", "pair of", "两侧", "两边", "左右", "双侧", "两个", "两只", "俩", "一对", "两扇");
    add(Kind.ALL, "ALL", "all four", "all 4", "all of the", "every", "四个", "4个", "所有", "全部");
    add(Kind.POS, "front", "front", "front end", "front-end", "frt", "frnt", "nose", "head-on", "head on", "forward", "前", "车头", "前部", "前面", "前方", "正面", "前脸");
    add(Kind.POS, "rear", "rear", "back", "rear end", "rear-end", "rear-ended", "rear ended", "backed into", "backed up into", "reversed into", "reversing into", "back end",
        "backing up", "backing out", "while reversing", "后", "车尾", "尾部", "后部", "后面", "后方", "追尾", "倒车", "倒车时", "倒库", "被追尾");
    add(Kind.POS, "front|rear", "front and rear", "front & rear", "front/rear", "front and back", "前后");
    add(Kind.THAT_SIDE, "THAT", "that side", "the same side", "same side", "this side", "that corner", "同侧", "同一侧", "这一侧", "那一侧", "这侧", "那侧", "这边", "那边");
    add(Kind.RANGE, "to", "to", "through", "thru", "all the way to", "until", "->", "到", "至", "一直到");
  }

  private void damages() {
    add(Kind.DAMAGE, "scratch", "scratch", "scratches", "scratched", "scratching", "scuff", "scuffs", "scuffed", "scuffing", "scrape", "scrapes", "scraped", "scraping",
        "keyed", "key marks", "curb rash", "curbed", "kerbed", "kerb rash", "rash", "rubbed", "rub", "rub marks", "swiped", "swipe", "marks", "marked", "scored", "abrasion",
        "paint transfer", "paint chip", "paint chips", "paint chipped", "chipped paint", "clearcoat", "clear coat", "peeling", "peeled", "flaking",
        "划痕", "划伤", "划了", "划花", "划", "刮花", "刮伤", "刮痕", "刮了", "刮", "蹭花", "蹭伤", "蹭了", "蹭", "擦伤", "擦花", "擦了", "擦", "掉漆", "脱漆", "剐蹭", "剐",
        "磨损", "磨花", "磨了", "磨", "划道", "道子", "印子", "伤了漆");
    add(Kind.DAMAGE, "scratch:moderate", "gouge", "gouged", "gouges", "gash", "deep scratch", "down to the metal", "down to the primer", "to the metal", "to bare metal",
        "bare metal", "through the paint", "through the clear coat", "through the clearcoat", "primer showing", "metal showing",
        "露出底漆", "露底漆", "见底", "露底", "露铁", "露出金属", "露出铁皮", "伤到底漆");
    add(Kind.DAMAGE, "dent", "dent", "dents", "dented", "denting", "pushed in", "pushed-in", "pressed in", "caved", "dimple", "dimpled", "crease", "creased", "bashed",
        "bashed in", "knocked in", "bent in", "indentation", "凹陷", "凹", "坑", "瘪", "凹进去", "凹进", "瘪了", "凹痕", "陷进去", "鼓包");
    add(Kind.DAMAGE, "dent:minor", "ding", "dings", "dinged", "hail damage", "hail dents", "door ding", "door dings", "pdr");
    add(Kind.DAMAGE, "dent:severe", "caved in", "caved-in", "crushed", "crumpled", "stove in", "stoved in", "flattened", "mangled", "accordioned", "压扁", "塌了", "塌陷");
    add(Kind.DAMAGE, "crack", "crack", "cracks", "cracked", "cracking", "split", "splits", "fractured", "fracture", "star", "bullseye", 
        "裂", "裂了", "裂纹", "裂缝", "裂开", "开裂", "缝");
    add(Kind.DAMAGE, "chip", "chip", "chips", "chipped", "chipping", "nick", "nicked", "崩了", "崩", "崩口", "掉了块漆");
    add(Kind.DAMAGE, "broken", "snapped", "snapped in half", "snapped in two", "broke in half", "broken in half", "折断");
    add(Kind.DAMAGE, "broken", "broken", "broke", "smashed", "smashed in", "busted", "bust", "destroyed", "wrecked", "totaled", "ruined", "knocked out", "out",
        "not working", "doesn't work", "does not work", "don't work", "do not work", "stopped working", "quit working", "no longer works", "isn't working",
        "is not working", "won't work", "not functioning", "inop", "inoperable", "inoperative", "dead", "error", "errors", "error message", "fault", "faulty", "fault code",
        "malfunction", "malfunctioning", "warning light", "warning message", "won't turn on", "doesn't light", "not lighting", "no longer lights",
        "碎", "碎了", "坏了", "坏", "破", "破了", "不亮", "不工作", "失灵", "故障", "报警", "报错", "烂了", "烂", "废了", "不能用", "用不了", "不好使", "不响",
        "不响了", "没反应", "不灵", "失效", "不转", "断了", "断");
    add(Kind.DAMAGE, "shattered", "shattered", "shatter", "shattering", "spiderwebbed", "spider-webbed", "spider web", "caved glass", "粉碎", "碎成", "碎裂");
    add(Kind.DAMAGE, "missing", "missing", "came off", "come off", "comes off", "fell off", "fallen off", "falls off", "broken off", "broke off", "snapped off",
        "ripped off", "knocked off", "torn off", "tore off", "sheared off", "fell out", "fallen out", "falls out", "taken off", "took off", "popped off", "stolen", "gone", 
        "掉了", "掉", "脱落", "丢了", "没了", "被偷", "不见了", "飞了", "撞飞", "掉下来");
    add(Kind.DAMAGE, "torn", "torn", "tear", "tore", "ripped", "rip", "hanging", "hangs", "hung", "dangling", "dangles", "detached", "pulled out", "popped out",
        "pulled away", "coming off", "loose", "came loose", "sagging", "drooping", "unclipped", "displaced", "separated",
        "撕裂", "撕开", "耷拉", "挂着", "挂在那", "吊着", "半掉", "脱开", "松脱", "掉出来", "松了", "翘起", "翘起来", "翘了", "脱出", "垂下来", "开胶");
    add(Kind.DAMAGE, "puncture", "flat", "nail", "screw in", "puncture", "punctured", "slow leak", "leak", "leaking", "leaks", "hole", "holed", "holes", "cut", "slashed",
        "low pressure", "losing air", "扎胎", "扎了", "扎", "钉子", "漏气", "没气", "漏水", "漏", "漏了", "漏液", "漏油", "渗水", "穿孔", "破洞", "洞", "扎破", "瘪胎", "缺气");
    add(Kind.DAMAGE, "puncture:severe", "blown", "blown out", "blowout", "blew out", "exploded", "burst", "shredded", "爆胎", "爆了", "爆");
    add(Kind.DAMAGE, "bent", "bent", "bend", "deformed", "warped", "twisted", "out of shape", "misshapen", "misaligned", "out of alignment", "tweaked", "pushed back",
        "won't close", "won't open", "won't latch", "won't shut", "doesn't shut", "can't shut", "won't stay shut", "won't stay closed", "doesn't close", "does not close", "doesn't open", "does not open", "can't close", "can't open", "gaps", "gap",
        "bowed", "bulged", "bulging", "bulge", "bubble", "bubbled", "buckled up", "popped up", "变形", "弯了", "弯", "扭曲", "拱起", "拱起来", "拱了", "鼓起来", "隆起", "歪了", "歪", "错位", "关不上", "打不开", "合不上", "关不严", "缝隙变大");
    add(Kind.DAMAGE, "bent:severe", "buckled", "kinked", "folded", "severely bent", "严重变形", "折了");
    // an adjuster's operation on a part says it is damaged, not how: "R/R LF fender", "rpr RR door", 前杠钣金
    add(Kind.DAMAGE, "impact", "repair", "rpr", "replace", "repl", "replaced", "needs replacing", "needs repair", "to be replaced", "更换", "修复");
    add(Kind.DAMAGE, "dent", "钣金", "需要钣金");
    add(Kind.DAMAGE, "scratch", "喷漆", "补漆", "需要喷漆");
    add(Kind.DAMAGE, "impact:smash", "砸", "砸了", "被砸", "砸坏", "smashed up");
    add(Kind.DAMAGE, "impact", "damaged", "damage", "hit", "impacted", "struck", "tapped", "tap", "bumped", "bump", "banged", "bang", "knocked", "clipped", "sideswiped",
        "rolled into", "ran into", "crashed into", "slammed into", "smashed into", "drove into", "bumped into", "swerved into", "collided with", "crashed", "collided",
        "受损", "损坏", "损伤", "撞了", "撞到", "撞", "碰", "碰了", "磕", "磕了", "压", "压到", "顶", "怼", "剐了", "受伤");
  }

  private void intensities() {
    add(Kind.SEV, "minor", "small", "tiny", "slight", "slightly", "minor", "lightly", "little", "a little", "barely", "faint", "superficial", "cosmetic", "shallow",
        "hairline", "minimal", "小", "轻微", "轻", "一点", "一点点", "少许", "浅", "浅浅", "有点", "稍微", "细", "小小", "一丁点", "轻轻");
    add(Kind.SEV, "moderate", "deep", "deeply", "long", "medium", "fist-sized", "fist sized", "palm-sized", "palm sized", "深", "长", "很深", "很长", "较深",
        "一长条", "一长道");
    add(Kind.SEV, "severe", "badly", "severely", "severe", "big", "large", "huge", "massive", "heavily", "heavy", "major", "serious", "seriously", "totally", "completely",
        "extensive", "extensively", "really bad", "pretty bad", "严重", "一大块", "一大片", "大块", "大片", "大面积", "很大", "很严重", "彻底", "大", "好大",
        "完全", "厉害", "很厉害");
  }

  private void negationsAndDoubt() {
    add(Kind.FINE, "FINE", "fine", "is fine", "ok", "okay", "intact", "undamaged", "unharmed", "untouched", "unscathed", "all good", "looks good", "in good shape",
        "good condition", "nothing wrong", "not affected", "unaffected", "no issue", "no issues", "no problem", "no problems", "spared", "survived", "perfect", "ok'",
        "没事", "没坏", "完好", "完好无损", "没问题", "好好的", "没受损", "无损", "没损坏", "没有损坏", "没有事", "没影响", "安然无恙", "都好", "好着", "没碰到", "没撞到",
        "没伤到", "没受影响", "没什么事", "没啥事", "正常", "不影响", "还好", "还行", "没啥");
    add(Kind.WORKS, "WORKS", "works", "work", "working", "still works", "still work", "still working", "functions", "functioning", "lights up", "closes", "opens", "still closes", "still opens", "latches", "still latches", "closes fine", "opens fine",
        "能用", "还能用", "正常工作", "好使", "能开", "能关", "能关上", "能打开", "关得上", "打得开");
    add(Kind.NOT, "NOT", "no", "not", "never", "without", "nothing", "none", "neither", "nor", "doesn't", "don't", "didn't", "isn't", "wasn't", "aren't", "weren't",
        "hasn't", "haven't", "won't", "can't", "no sign of", "no visible", "zero",
        "没", "没有", "未", "无", "不", "并没有", "并未");
    add(Kind.DOUBT, "DOUBT", "i thought", "thought it", "i think maybe", "might", "might be", "might have", "may be", "may have", "maybe", "possibly", "possible", "perhaps",
        "not sure", "unsure", "don't know if", "not certain", "could be", "suspect", "will check", "to check", "to be checked", "needs checking", "need to check",
        "have to check", "check if", "check whether", "to inspect", "will inspect", "to be inspected", "hopefully not", "hope not", "can't tell", "unclear",
        "可能", "也许", "或许", "不确定", "不知道", "不清楚", "待检查", "待查", "需要检查", "要检查", "还要检查", "还没检查", "检查一下", "说不定", "怀疑", "以为", "看不出");
  }

  private void vehiclesAndScene() {
    add(Kind.OTHER, "OTHER", "their", "theirs", "the other car's", "the other vehicle's", "the other driver's", "other car's", "other vehicle's", "other driver's",
        "the other guy's", "other guy's", "other party's", "the other party's", "the truck's", "the van's", "the bus's", "the suv's", "the taxi's", "his car", "her car",
        "his truck", "her truck", "对方", "对方的", "对方车", "对方车辆", "三者车", "三者", "别人的", "别人车", "他的车", "她的车", "他车", "前车", "后车", "对面的车", "对面车", "旁边的车", "旁边车", "隔壁车", "邻车", "旁边那辆车", "the car next to me", "the car beside me", "the car next to mine",
        "the neighbor's car", "the neighbour's car");
    add(Kind.OTHER, "NOUN", "bike's", "bicycle's", "motorcycle's", "scooter's", "电动车", "自行车", "摩托车", "三轮车", "电瓶车", "单车", "快递车", "外卖车");
    add(Kind.OWN, "OWN", "my", "mine", "our", "my car's", "我的", "我车", "我的车", "自己的", "自己车", "本车", "自车", "标的车");
    add(Kind.PAINT, "PAINT", "paint", "paintwork", "paint job", "漆", "油漆", "车漆");
    add(Kind.NEUTRAL, "SCENE", "tire tread", "tyre tread", "retread", "light pole", "lamp post", "lamppost", "light post", "street light",
        "streetlight", "garage door", "gate", "gate post", "wall", "pole", "post", "pillar", "guardrail", "guard rail", "barrier", "bollard", "fence", "curb", "kerb",
        "in front", "in front of", "out front", "wheel opening", "wheel well", "wheel arch", "wheelhouse", "wheel house", "quarter-sized", "quarter sized", "size of a quarter", "cut me off", "cut off", "cut in", "as soon as possible", "check engine", "went to check", "car park", "parking lot", "parking garage", "front desk", "back home", "come back",
        "came back", "got back", "get back", "back from", "back to", "back then", "backed out", "way back", "right away", "right after", "right before", "right now",
        "right behind", "right there", "right into", "right in", "all right", "left it", "left the", "left my", "left her", "left him", "left work", "left home",
        "left for", "i left", "we left", "he left", "she left", "they left", "had left", "just left", "was left", "been left",
        "gone for", "hit and run", "hit-and-run", "shopping cart", "trolley", "warning triangle",
        "门口", "大门", "校门", "车库门", "卷帘门", "家门", "院门", "店门", "闸门", "护栏", "墙", "柱子", "电线杆", "路灯", "灯杆", "路灯杆", "红绿灯", "石墩", "路沿", "马路牙子",
        "掉头", "小区", "小时", "小孩", "小心", "小车", "小朋友", "小学", "小路", "大巴", "大车",
        "大货车", "大概", "大约", "大家", "大雨", "大风", "大路", "大街", "大学", "大众", "大桥", "大厦", "长城", "长安", "深圳", "深夜", "很长时间", "长时间", "大晚上",
        "计划", "规划", "划算", "刮风", "刮大风", "不断", "判断", "之前", "以前", "花了", "前几天", "前天", "后来", "然后", "之后", "以后", "后天", "最后", "前不久", "前段时间", "车门口", "一下", "撞击声");
  }
}
