package com.carmutual.claims.damage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Part+side precision/recall/F1 and damage type and severity agreement on matched lines. */
final class DamageScore {
  private int reports;
  private int tp;
  private int fp;
  private int fn;
  private int typeAgree;
  private int severityAgree;
  private final StringBuilder misses = new StringBuilder();

  void add(String id, List<Map<String, String>> gold, List<Damage> got) {
    reports++;
    Map<String, Damage> byKey = new HashMap<>();
    got.forEach(d -> byKey.put(d.key(), d));
    for (Map<String, String> want : gold) {
      Damage d = byKey.remove(want.get("partCode") + "/" + want.get("side"));
      if (d == null) {
        fn++;
        misses.append(id).append(" missed ").append(want).append('\n');
        continue;
      }
      tp++;
      if (d.damageType().equals(want.get("damageType"))) {
        typeAgree++;
      } else {
        misses.append(id).append(" type ").append(d.damageType()).append(" want ").append(want).append('\n');
      }
      if (d.severity().equals(want.get("severity"))) {
        severityAgree++;
      } else {
        misses.append(id).append(" severity ").append(d.severity()).append(" want ").append(want).append('\n');
      }
    }
    fp += byKey.size();
    byKey.values().forEach(d -> misses.append(id).append(" extra ").append(d.key()).append(' ').append(d.evidence()).append('\n'));
  }

  double precision() {
    return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  double typeAgreement() {
    return tp == 0 ? 0 : typeAgree / (double) tp;
  }

  double severityAgreement() {
    return tp == 0 ? 0 : severityAgree / (double) tp;
  }

  String misses() {
    return misses.toString();
  }

  @Override
  public String toString() {
    return String.format(
        "%d reports: part+side P=%.3f R=%.3f F1=%.3f; type %.3f; severity %.3f (%d matched, %d extra, %d missed)",
        reports, precision(), recall(), f1(), typeAgreement(), severityAgreement(), tp, fp, fn);
  }
}
