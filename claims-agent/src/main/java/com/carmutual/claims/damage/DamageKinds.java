package com.carmutual.claims.damage;

import com.carmutual.claims.taxonomy.Part;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damage type and severity by meaning: what a damage word means on this kind of part (a "smashed"
 * lamp is broken, smashed glass is shattered, a hit tire is punctured), which of several damage
 * words is the main one (a dent beats a scratch), and how intense it is from intensity words,
 * sizes ("10cm", "3 inches", 硬币大小) and size comparisons ("the size of a coin", "fist-sized").
 */
final class DamageKinds {
  /** Main-damage order: a part with two damage words keeps the higher one. */
  private static final List<String> RANK = List.of("impact", "scratch", "puncture", "dent", "crack", "bent", "broken", "torn", "shattered", "missing");
  private static final Set<String> PUNCTURABLE = Set.of("TIRE", "RADIATOR", "AC_CONDENSER", "FENDER_LINER");
  private static final Set<String> BREAKABLE =
      Set.of("HEADLAMP", "TAIL_LAMP", "FOG_LAMP", "MIRROR", "PARK_SENSOR", "FRT_RADAR", "BSM_RADAR", "FRT_GRILLE", "FRT_LOWER_GRILLE", "DOOR_HANDLE", "WHEEL_ALLOY",
          "SPOILER", "COWL_COVER", "BODYSIDE_MLDG", "WHEEL_FLARE", "FUEL_DOOR");
  private static final Pattern MEASURE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?|inch|inches|\"|ft|foot|feet|厘米|公分|毫米|寸)(?![a-z])");
  private static final Pattern SMALL_THING =
      Pattern.compile("\\b(dime|penny|coin|nickel|pea|golf ?ball|thumb|thumbnail|fingernail|fingertip|eraser|button)s?[- ]?(?:sized?)?\\b|\\bquarter[- ]sized?\\b|size of a quarter|硬币|指甲|指头|黄豆|米粒|纽扣");
  private static final Pattern MEDIUM_THING =
      Pattern.compile("\\b(fist|baseball|softball|tennis ball|orange|palm|hand|apple|grapefruit|coffee cup|mug)s?[- ]?(?:sized?)?\\b|拳头|巴掌|手掌|鸡蛋|苹果");
  private static final Pattern LARGE_THING =
      Pattern.compile("\\b(size of a (?:basketball|football|dinner plate|plate|pizza|watermelon|beach ball)|(?:basketball|football|dinner plate|watermelon)[- ]sized?)\\b|脸盆|篮球");

  private static final Pattern PARTLY = Pattern.compile("\\b(half|halfway|partly|partially|part of it|one end|one side)\\b|一半|半边|一部分|一边");

  private DamageKinds() {}

  static int rank(String type) {
    return RANK.indexOf(type);
  }

  /** The damage type a damage word means on {@code part}. */
  static String typeOn(String word, Part part, boolean painted) {
    String type = word.split(":")[0];
    boolean glass = part.glass();
    return switch (type) {
      case "impact" -> glass ? "crack" : BREAKABLE.contains(part.code()) ? "broken" : "TIRE".equals(part.code()) ? "puncture" : "dent";
      case "chip" -> glass ? "crack" : "scratch";
      case "scratch" -> "TIRE".equals(part.code()) && "moderate".equals(hint(word)) ? "puncture" : type;
      case "broken" -> glass ? "shattered" : "broken";
      case "shattered" -> glass ? "shattered" : "broken";
      case "puncture" -> PUNCTURABLE.contains(part.code()) ? "puncture" : glass ? "shattered" : BREAKABLE.contains(part.code()) ? "broken" : "crack";
      case "dent" -> glass ? ("severe".equals(hint(word)) ? "shattered" : "crack") : "TIRE".equals(part.code()) ? "puncture" : type;
      case "crack", "bent" -> "TIRE".equals(part.code()) ? "puncture" : type;
      default -> type;
    };
  }

  static String hint(String word) {
    String[] split = word.split(":");
    return split.length > 1 ? split[1] : null;
  }

  /** Severity of the main damage, from the damage word's own intensity, intensity words and sizes. */
  static String severity(String type, String hint, String said, Double sizeCm, Part part) {
    return switch (type) {
      case "scratch" -> {
        boolean deep = "moderate".equals(hint) || "moderate".equals(said) || "severe".equals(said) || (sizeCm != null && sizeCm >= 30);
        yield deep && !"minor".equals(said) ? "moderate" : "minor";
      }
      case "dent" -> {
        if ("minor".equals(said)) {
          yield said;
        }
        String bySize = sizeCm == null ? null : sizeCm <= 2.5 ? "minor" : sizeCm <= 30 ? "moderate" : "severe";
        String s = strongest(strongest(said, bySize), said == null && bySize == null ? hint : null);
        yield s != null ? s : hint != null ? hint : "moderate";
      }
      case "bent" -> "severe".equals(said) || "severe".equals(hint) || part.structural() ? "severe" : "moderate";
      case "puncture" -> "severe".equals(hint) ? "severe" : "moderate";
      case "crack" -> "moderate";
      default -> "severe";
    };
  }

  /** A size said in {@code text}, in centimetres: a measurement or a comparison; null when none. */
  static Double sizeCm(String text) {
    Matcher m = MEASURE.matcher(text.toLowerCase(Locale.ROOT));
    if (m.find()) {
      double v = Double.parseDouble(m.group(1));
      return switch (m.group(2)) {
        case "mm", "毫米" -> v / 10;
        case "inch", "inches", "\"" -> v * 2.54;
        case "寸" -> v * 3.33;
        case "ft", "foot", "feet" -> v * 30.48;
        default -> m.group(2).startsWith("milli") ? v / 10 : v;
      };
    }
    if (LARGE_THING.matcher(text).find()) {
      return 40.0;
    }
    if (MEDIUM_THING.matcher(text).find()) {
      return 9.0;
    }
    if (SMALL_THING.matcher(text).find()) {
      return 2.0;
    }
    return null;
  }

  /** "half off", 掉下来一半: a part partly come off is torn, not missing. */
  static boolean partly(String text) {
    return PARTLY.matcher(text).find();
  }

  static String strongest(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return order(b) > order(a) ? b : a;
  }

  static int order(String severity) {
    return switch (severity) {
      case "minor" -> 1;
      case "moderate" -> 2;
      case "severe" -> 3;
      default -> 0;
    };
  }
}
