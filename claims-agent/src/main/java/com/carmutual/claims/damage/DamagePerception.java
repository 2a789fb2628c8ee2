package com.carmutual.claims.damage;

import com.carmutual.claims.taxonomy.Part;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.shared.gateway.GatewayCatalog;
import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.StructuredRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The damage-perception node: task {@code claims.damage} through the gateway (a vision model when
 * one is routed, else the local text reader), answers checked against the taxonomy, and the text
 * reader as the fallback when the gateway fails. Structured annotations always stay in.
 */
@Singleton
public class DamagePerception {
  public static final String TASK = "claims.damage";
  /** Sources of a damage: seen on the photos, read in the report, or both. */
  public static final String VISION = "vision";
  public static final String TEXT = "text";
  public static final String VISION_AND_TEXT = "vision+text";
  private static final Logger LOG = LoggerFactory.getLogger(DamagePerception.class);
  private static final Set<String> TYPES = Set.of("scratch", "dent", "crack", "broken", "shattered", "missing", "torn", "puncture", "bent");
  private static final Set<String> SEVERITIES = Set.of("minor", "moderate", "severe");

  private final LlmGateway gateway;
  private final GatewayCatalog catalog;
  private final TextDamageReader reader;
  private final Taxonomy taxonomy;

  DamagePerception(LlmGateway gateway, GatewayCatalog catalog, TextDamageReader reader, Taxonomy taxonomy) {
    this.gateway = gateway;
    this.catalog = catalog;
    this.reader = reader;
    this.taxonomy = taxonomy;
  }

  /**
   * Whether a call now would reach a model that can look at photos: the route version in force has
   * a target other than {@code local}. When not, the photos' vision copies are not even read.
   */
  public boolean seesPhotos() {
    String version;
    try {
      version = catalog.effective(TASK).routeVersion();
    } catch (LlmException e) {
      return false; // a route version that is not configured: the call itself fails and falls back to the text
    }
    return catalog.task(TASK)
        .flatMap(t -> t.routes().stream().filter(r -> r.version().equals(version)).findFirst())
        .map(r -> r.targets().stream().anyMatch(target -> !"local".equals(target.provider())))
        .orElse(false);
  }

  /**
   * Damages for {@code input}, with the photos (possibly none) for a vision-capable route. With
   * photos, what the text reader finds in the report is kept next to what the model saw: a part both
   * name is one line ({@value #VISION_AND_TEXT}), a part only one names keeps its own source, and
   * {@link PhotoTextAgreement} flags the difference.
   */
  public Damages perceive(DamageInput input, List<ImageInput> images) {
    Damages answer;
    try {
      answer = gateway.structured(StructuredRequest.of(TASK, input, Damages.class).withImages(images));
    } catch (LlmException e) {
      LOG.warn("claims.damage fell back to the text reader: {} ({})", e.getMessage(), e.kind());
      return reader.read(input);
    }
    String defaultSource = images.isEmpty() ? TEXT : VISION;
    Map<String, Damage> merged = new LinkedHashMap<>();
    for (Damage d : reader.read(new DamageInput("", input.vehicle(), input.annotations(), List.of())).damages()) {
      merged.put(d.key(), d);
    }
    for (Damage d : answer.damages()) {
      Damage valid = validated(d, defaultSource);
      if (valid != null) {
        merged.putIfAbsent(valid.key(), valid);
      }
    }
    if (!images.isEmpty()) {
      for (Damage d : reader.read(new DamageInput(input.description(), input.vehicle(), List.of(), input.photos())).damages()) {
        Damage seen = merged.get(d.key());
        if (seen == null) {
          merged.put(d.key(), d);
        } else if (VISION.equals(seen.source())) {
          merged.put(d.key(), seen.withSource(VISION_AND_TEXT));
        }
      }
    }
    return new Damages(new ArrayList<>(merged.values()));
  }

  /** A model's damage fitted to the taxonomy, or null when it names no known part. */
  private Damage validated(Damage d, String defaultSource) {
    if (d == null || d.partCode() == null) {
      return null;
    }
    Part part = taxonomy.part(d.partCode().trim()).orElse(null);
    if (part == null) {
      LOG.info("claims.damage answer names unknown part {}; dropped", d.partCode());
      return null;
    }
    String side = d.side() == null ? "" : d.side().trim().toUpperCase(Locale.ROOT);
    if (!part.perSide()) {
      side = "CENTER";
    } else if (!side.equals("LEFT") && !side.equals("RIGHT")) {
      return null;
    }
    String type = d.damageType() == null ? "dent" : d.damageType().trim().toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      type = "dent";
    }
    String severity = d.severity() == null ? "moderate" : d.severity().trim().toLowerCase(Locale.ROOT);
    if (!SEVERITIES.contains(severity)) {
      severity = "moderate";
    }
    Double confidence = d.confidence() == null ? null : Math.max(0, Math.min(1, d.confidence()));
    String source = d.source() == null || d.source().isBlank() ? defaultSource : d.source();
    return new Damage(part.code(), side, type, severity, source, confidence, d.evidencePhoto(), d.evidence());
  }
}
