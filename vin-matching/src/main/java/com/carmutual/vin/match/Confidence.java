package com.carmutual.vin.match;

import com.carmutual.vin.decode.DecodedVin;
import java.util.List;

/**
 * Calibrated decision confidence. Calibrated on the dev gold (see docs/benchmarks.md): an
 * {@code auto} whose model comes from the VIN itself and whose row is singled out by the VIN was
 * right in every dev case; one singled out only by hint words, or from a VIN without check digit,
 * is less sure. Rules, not per-example values, so they carry to unseen VINs.
 */
final class Confidence {
  private Confidence() {}

  static double of(String decision, List<Scoring.Scored> fits, DecodedVin d) {
    double base = switch (decision) {
      case "auto" -> 0.95;
      case "review" -> 0.9;
      default -> 0.8;
    };
    Scoring.Scored top = fits.get(0);
    if (top.modelScore() < 0.95) {
      base -= 0.1; // model family from the hint or a suffix rule, not an exact VIN name
    }
    if (d.model() == null) {
      base -= 0.15;
    }
    if (!"valid".equals(d.checkDigit())) {
      base -= 0.1;
    }
    base *= Math.max(0.5, d.confidence());
    return Math.round(Math.max(0.05, Math.min(0.99, base)) * 100) / 100.0;
  }
}
