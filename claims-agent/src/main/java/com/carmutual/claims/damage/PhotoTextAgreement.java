package com.carmutual.claims.damage;

import com.carmutual.claims.flag.Flag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the photos and the report disagree: a part the vision route saw that the report does not
 * name, or a part the report names that the photos do not show. Both lines stay in the estimate
 * with their sources; each disagreement is a flag for the adjuster, never a silent choice. Nothing
 * is flagged when one side is silent (a report that only says "see photos", no vision answer).
 */
public final class PhotoTextAgreement {
  public static final String CODE = "PHOTO_TEXT_DISAGREE";

  private PhotoTextAgreement() {}

  /** The disagreement flags for a claim's damages, in their order. */
  public static List<Flag> flags(List<Damage> damages) {
    Map<String, Damage> vision = new LinkedHashMap<>();
    Map<String, Damage> text = new LinkedHashMap<>();
    List<String> both = new ArrayList<>();
    for (Damage d : damages) {
      String source = d.source() == null ? "" : d.source();
      if (source.equals(DamagePerception.VISION)) {
        vision.put(d.key(), d);
      } else if (source.equals(DamagePerception.TEXT)) {
        text.put(d.key(), d);
      } else if (source.equals(DamagePerception.VISION_AND_TEXT)) {
        both.add(d.key());
      }
    }
    boolean photosSpoke = !vision.isEmpty() || !both.isEmpty();
    boolean textSpoke = !text.isEmpty() || !both.isEmpty();
    List<Flag> flags = new ArrayList<>();
    if (!photosSpoke || !textSpoke) {
      return flags;
    }
    for (Damage d : vision.values()) {
      flags.add(new Flag(CODE, "estimate", "review", d.partCode(),
          "photos show " + describe(d) + (d.evidencePhoto() == null ? "" : " (" + d.evidencePhoto() + ")") + "; the report does not name this part: confirm before approving"));
    }
    for (Damage d : text.values()) {
      flags.add(new Flag(CODE, "estimate", "review", d.partCode(),
          "the report names " + describe(d) + " (\"" + d.evidence() + "\"); no photo shows it: confirm before approving"));
    }
    return flags;
  }

  private static String describe(Damage d) {
    return d.damageType() + " on " + d.partCode() + ("CENTER".equals(d.side()) ? "" : " " + d.side());
  }
}
