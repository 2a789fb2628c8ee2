package com.carmutual.claims.estimate;

import com.carmutual.claims.damage.Damage;
import com.carmutual.claims.damage.DamagePerception;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.intake.Claim;
import com.carmutual.claims.intake.ClaimService;
import com.carmutual.claims.photo.PhotoFacts;
import com.carmutual.claims.plan.RepairLine;
import com.carmutual.claims.pricing.PriceInput;
import com.carmutual.claims.pricing.Priced;
import com.carmutual.claims.pricing.Pricer;
import com.carmutual.claims.pricing.TotalLoss;
import com.carmutual.claims.pricing.TotalLossCheck;
import com.carmutual.claims.taxonomy.Part;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.shared.llmops.Annotations;
import com.carmutual.shared.llmops.Annotations.Annotation;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimate versions of a claim: the machine version from the workflow, adjuster edits (change,
 * add, delete a line; approve), each stored as a new version with the old ones kept, re-priced
 * deterministically, and recorded as an annotation ({@code claims.damage} when the damage itself
 * was corrected, {@code claims.estimate} otherwise) for evaluation.
 */
@Singleton
public class EstimateService {
  private static final Logger LOG = LoggerFactory.getLogger(EstimateService.class);
  private static final Set<String> OPERATIONS =
      Set.of("replace", "repair", "refinish", "blend", "r&i", "calibrate", "aim", "sublet", "overlap", "clear-coat");
  private static final Set<String> LABOR_TYPES = Set.of("LAB", "LAR", "LAM", "LAS", "LAF", "LAE", "LAD", "LAG");
  private static final Set<String> PART_TYPES = Set.of("PAN", "PAA", "PAC", "PAL", "PAR", "PAG", "PAO", "PAS", "PAE", "PAM");

  private final EstimateVersionRepository versions;
  private final EstimatePipeline pipeline;
  private final DamagePerception perception;
  private final ClaimService claims;
  private final Pricer pricer;
  private final TotalLossCheck totalLoss;
  private final Taxonomy taxonomy;
  private final Annotations annotations;
  private final JsonMapper mapper;
  private final Clock clock;
  private final TransactionOperations<Connection> tx;

  EstimateService(
      EstimateVersionRepository versions,
      EstimatePipeline pipeline,
      DamagePerception perception,
      ClaimService claims,
      Pricer pricer,
      TotalLossCheck totalLoss,
      Taxonomy taxonomy,
      Annotations annotations,
      JsonMapper mapper,
      Clock clock,
      TransactionOperations<Connection> tx) {
    this.versions = versions;
    this.pipeline = pipeline;
    this.perception = perception;
    this.claims = claims;
    this.pricer = pricer;
    this.totalLoss = totalLoss;
    this.taxonomy = taxonomy;
    this.annotations = annotations;
    this.mapper = mapper;
    this.clock = clock;
    this.tx = tx;
  }

  /** The latest version, running the workflow first if the claim has none yet. */
  public Estimate current(String claimId) {
    Optional<EstimateVersionRow> latest = versions.findFirstByClaimIdOrderByVersionDesc(claimId);
    if (latest.isPresent()) {
      return parse(latest.get());
    }
    Claim claim = claims.get(claimId);
    Estimate machine = pipeline.run(claim, perception.seesPhotos() ? claims.visionImages(claimId) : List.of());
    try {
      store(machine);
      return machine;
    } catch (RuntimeException e) {
      // another request stored version 1 first: answer what is stored
      return versions.findFirstByClaimIdOrderByVersionDesc(claimId).map(this::parse).orElseThrow(() -> e);
    }
  }

  /** Every version of the claim's estimate, oldest first. */
  public List<Estimate> history(String claimId) {
    claims.get(claimId);
    return versions.findByClaimIdOrderByVersion(claimId).stream().map(this::parse).toList();
  }

  public Estimate version(String claimId, int version) {
    return versions.findById(claimId + "/" + version).map(this::parse).orElseThrow(() -> ProblemException.notFound("estimate version " + version + " of claim " + claimId));
  }

  public Estimate patchLine(String claimId, String lineId, LineEdit edit, Integer expectedVersion, String author) {
    Estimate cur = checked(claimId, expectedVersion);
    RepairLine old = cur.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("line " + lineId + " of claim " + claimId + "'s estimate"));
    if ("materials".equals(old.operation())) {
      throw ProblemException.badRequest("line-computed", "line " + lineId + " (paint and materials) is computed from the refinish hours; change those instead");
    }
    RepairLine changed = apply(old, edit);
    List<RepairLine> lines = new ArrayList<>();
    for (RepairLine l : cur.lines()) {
      lines.add(l.lineId().equals(lineId) ? changed : l);
    }
    boolean damageChanged = damageFieldsChanged(old, changed);
    Estimate next = reprice(cur, lines, "draft", "line-changed", note("changed " + lineId, edit), author);
    store(next);
    record(cur, next, damageChanged, old, changed, edit == null ? null : edit.comment(), author);
    return next;
  }

  public Estimate addLine(String claimId, LineEdit edit, Integer expectedVersion, String author) {
    Estimate cur = checked(claimId, expectedVersion);
    if (edit == null || edit.operation() == null || (edit.partCode() == null && edit.description() == null)) {
      throw ProblemException.badRequest("line-invalid", "a new line needs an operation and a partCode or a description");
    }
    int next = cur.lines().stream().filter(l -> l.lineId().startsWith("A")).mapToInt(l -> Integer.parseInt(l.lineId().substring(1))).max().orElse(0) + 1;
    RepairLine blank =
        new RepairLine(String.format(Locale.ROOT, "A%02d", next), null, null, "", "repair", null, null, null, BigDecimal.ZERO, BigDecimal.ZERO,
            null, null, null, null, "adjuster", 1.0, null);
    RepairLine added = apply(blank, edit);
    if (added.description().isBlank()) {
      added = new RepairLine(added.lineId(), added.partCode(), added.side(), added.partCode() + ": " + added.operation(), added.operation(),
          added.damageType(), added.severity(), added.laborType(), added.laborHours(), added.refinishHours(), added.partType(), added.partPrice(),
          added.subletAmount(), null, "adjuster", 1.0, added.evidence());
    }
    List<RepairLine> lines = new ArrayList<>(cur.lines());
    lines.add(added);
    Estimate nextVersion = reprice(cur, lines, "draft", "line-added", note("added " + added.lineId(), edit), author);
    store(nextVersion);
    record(cur, nextVersion, added.damageType() != null, null, added, edit.comment(), author);
    return nextVersion;
  }

  public Estimate deleteLine(String claimId, String lineId, Integer expectedVersion, String comment, String author) {
    Estimate cur = checked(claimId, expectedVersion);
    RepairLine old = cur.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("line " + lineId + " of claim " + claimId + "'s estimate"));
    List<RepairLine> lines = cur.lines().stream().filter(l -> !l.lineId().equals(lineId)).toList();
    Estimate next = reprice(cur, lines, "draft", "line-deleted", "deleted " + lineId + (comment == null ? "" : ": " + comment), author);
    store(next);
    record(cur, next, old.damageType() != null, old, null, comment, author);
    return next;
  }

  public Estimate approve(String claimId, Integer expectedVersion, String comment, String author) {
    Estimate cur = checked(claimId, expectedVersion);
    if ("approved".equals(cur.status())) {
      return cur;
    }
    Estimate next =
        new Estimate(cur.claimId(), cur.version() + 1, "approved", cur.vehicle(), cur.damages(), cur.lines(), cur.totals(), cur.totalLoss(),
            cur.flags(), cur.runId(), "approved", comment, author, clock.instant());
    store(next);
    boolean untouched = history(claimId).stream().noneMatch(e -> e.changeKind().startsWith("line-"));
    annotations.record(
        new Annotation("claims.estimate", new EstimateRef(claimId, cur.version()), cur.lines(), null, untouched ? Boolean.TRUE : null,
            "approved" + (untouched ? " without edits" : " after edits") + (comment == null ? "" : ": " + comment), author, cur.runId()));
    return next;
  }

  /** The latest version, which must be approved, for export. */
  public Estimate approved(String claimId) {
    Estimate cur = current(claimId);
    if (!"approved".equals(cur.status())) {
      throw new ProblemException(HttpStatus.CONFLICT, "estimate-not-approved", "estimate version " + cur.version() + " of claim " + claimId + " is not approved yet");
    }
    return cur;
  }

  /** Where an annotation points: a claim's estimate version. */
  @io.micronaut.serde.annotation.Serdeable
  public record EstimateRef(String claimId, int version) {}

  private Estimate checked(String claimId, Integer expectedVersion) {
    Estimate cur = current(claimId);
    if (expectedVersion != null && expectedVersion != cur.version()) {
      throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "estimate-version",
          "the estimate is at version " + cur.version() + ", not " + expectedVersion + ": reload and apply the change again");
    }
    return cur;
  }

  private RepairLine apply(RepairLine l, LineEdit e) {
    if (e == null) {
      return l;
    }
    String partCode = e.partCode() != null ? e.partCode().trim().toUpperCase(Locale.ROOT) : l.partCode();
    Part part = partCode == null ? null : taxonomy.part(partCode).orElseThrow(() -> ProblemException.badRequest("line-invalid", "unknown part code " + e.partCode()));
    String side = e.side() != null ? e.side().trim().toUpperCase(Locale.ROOT) : l.side();
    if (part != null) {
      if (part.perSide() && !"LEFT".equals(side) && !"RIGHT".equals(side)) {
        throw ProblemException.badRequest("line-invalid", part.code() + " needs side LEFT or RIGHT");
      }
      if (!part.perSide()) {
        side = "CENTER";
      }
    }
    String op = e.operation() != null ? e.operation().trim().toLowerCase(Locale.ROOT) : l.operation();
    if (!OPERATIONS.contains(op)) {
      throw ProblemException.badRequest("line-invalid", "operation must be one of " + OPERATIONS.stream().sorted().toList());
    }
    String laborType = e.laborType() != null ? e.laborType().trim().toUpperCase(Locale.ROOT) : l.laborType() != null ? l.laborType() : part != null ? part.laborType() : "LAB";
    if (!LABOR_TYPES.contains(laborType)) {
      throw ProblemException.badRequest("line-invalid", "laborType must be one of " + LABOR_TYPES.stream().sorted().toList());
    }
    String partType = e.partType() != null ? e.partType().trim().toUpperCase(Locale.ROOT) : l.partType();
    if (partType != null && !PART_TYPES.contains(partType)) {
      throw ProblemException.badRequest("line-invalid", "partType must be a CIECA part type such as PAN, PAA, PAL");
    }
    if ("replace".equals(op) && partType == null) {
      partType = part != null && part.glass() ? "PAG" : "PAN";
    }
    BigDecimal laborHours = nonNegative(e.laborHours(), l.laborHours(), "laborHours");
    BigDecimal refinish = e.refinishHours() != null ? e.refinishHours() : l.refinishHours();
    if (refinish.abs().compareTo(new BigDecimal("100")) > 0 || laborHours.compareTo(new BigDecimal("200")) > 0) {
      throw ProblemException.badRequest("line-invalid", "hours out of range");
    }
    BigDecimal partPrice = e.partPrice() != null ? nonNegative(e.partPrice(), null, "partPrice") : null;
    boolean pricingInputsChanged = e.partCode() != null || e.partType() != null || e.operation() != null;
    if (partPrice == null && !pricingInputsChanged) {
      partPrice = l.partPrice();
    }
    if (!"replace".equals(op) && e.partPrice() == null) {
      partPrice = null;
    }
    BigDecimal sublet = e.subletAmount() != null ? nonNegative(e.subletAmount(), null, "subletAmount") : l.subletAmount();
    String damageType = e.damageType() != null ? e.damageType().trim().toLowerCase(Locale.ROOT) : l.damageType();
    String severity = e.severity() != null ? e.severity().trim().toLowerCase(Locale.ROOT) : l.severity();
    String description = e.description() != null ? e.description() : l.description();
    return new RepairLine(l.lineId(), partCode, side, description, op, damageType, severity, laborType, laborHours, refinish, partType, partPrice,
        sublet, null, "adjuster", 1.0, e.comment() != null ? e.comment() : l.evidence());
  }

  private static BigDecimal nonNegative(BigDecimal v, BigDecimal fallback, String field) {
    if (v == null) {
      return fallback;
    }
    if (v.signum() < 0) {
      throw ProblemException.badRequest("line-invalid", field + " must not be negative");
    }
    return v;
  }

  private static boolean damageFieldsChanged(RepairLine a, RepairLine b) {
    return !java.util.Objects.equals(a.partCode(), b.partCode()) || !java.util.Objects.equals(a.side(), b.side())
        || !java.util.Objects.equals(a.damageType(), b.damageType()) || !java.util.Objects.equals(a.severity(), b.severity());
  }

  private static String note(String what, LineEdit e) {
    return e == null || e.comment() == null ? what : what + ": " + e.comment();
  }

  private Estimate reprice(Estimate cur, List<RepairLine> lines, String status, String kind, String note, String author) {
    Claim claim = claims.get(cur.claimId());
    Priced priced = pricer.price(new PriceInput(cur.vehicle(), lines, claim.report().deductible()));
    TotalLoss tl = totalLoss.check(cur.vehicle(), claim.report().lossDate(), claim.report().place(), priced.totals().grossTotal(), claim.report().vehicleValue());
    List<Flag> flags = new ArrayList<>(cur.flags().stream().filter(f -> !"TOTAL_LOSS".equals(f.code())).toList());
    if (tl.totalLoss()) {
      flags.add(new Flag("TOTAL_LOSS", "estimate", "warning", null,
          "repair " + tl.repairCost().toPlainString() + " >= threshold " + tl.thresholdAmount().toPlainString() + ": " + tl.explanation()));
    }
    return new Estimate(cur.claimId(), cur.version() + 1, status, cur.vehicle(), damagesOf(priced.lines(), cur.damages()), priced.lines(), priced.totals(),
        tl, flags, cur.runId(), kind, note, author, clock.instant());
  }

  /** The damages an estimate's lines stand for: machine damages kept, adjuster lines with a damage type added or corrected. */
  private static List<Damage> damagesOf(List<RepairLine> lines, List<Damage> before) {
    Map<String, Damage> byKey = new LinkedHashMap<>();
    for (RepairLine l : lines) {
      if (l.partCode() == null || l.damageType() == null || "rule".equals(l.source())) {
        continue;
      }
      Damage d = new Damage(l.partCode(), l.side(), l.damageType(), l.severity() == null ? "moderate" : l.severity(), l.source(), l.confidence(), null, l.evidence());
      byKey.putIfAbsent(d.key(), d);
    }
    List<Damage> out = new ArrayList<>();
    for (Damage d : before) {
      if (byKey.containsKey(d.key())) {
        out.add(byKey.remove(d.key()));
      }
    }
    out.addAll(byKey.values());
    return out;
  }

  private void record(Estimate before, Estimate after, boolean damageChanged, RepairLine oldLine, RepairLine newLine, String comment, String author) {
    try {
      if (damageChanged) {
        Claim claim = claims.get(before.claimId());
        annotations.record(
            new Annotation(DamagePerception.TASK, EstimatePipeline.damageInput(claim.report(), claim.photos().stream().map(PhotoFacts::fileName).toList()),
                new com.carmutual.claims.damage.Damages(before.damages()), new com.carmutual.claims.damage.Damages(after.damages()), Boolean.FALSE,
                comment, author, before.runId()));
      } else {
        annotations.record(
            new Annotation(EstimatePipeline.WORKFLOW, new EstimateRef(before.claimId(), before.version()), oldLine, newLine, Boolean.FALSE, comment, author,
                before.runId()));
      }
    } catch (RuntimeException e) {
      LOG.warn("annotation of claim {} version {} not recorded: {}", after.claimId(), after.version(), e.toString());
    }
  }

  private void store(Estimate e) {
    String json;
    try {
      json = mapper.writeValueAsString(e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    try {
      tx.executeWrite(
          status -> {
            versions.save(new EstimateVersionRow(e.claimId() + "/" + e.version(), e.claimId(), e.version(), e.status(), e.changeKind(),
                e.changeNote() == null ? null : e.changeNote().length() > 1000 ? e.changeNote().substring(0, 1000) : e.changeNote(),
                e.author(), e.runId(), json, e.totals().grossTotal(), e.createdAt()));
            claims.estimateChanged(e.claimId(), "approved".equals(e.status()) ? "approved" : e.version() == 1 ? "estimated" : "in_review", e.version(),
                e.totals().grossTotal(), e.flags().stream().map(Flag::code).toList());
            return null;
          });
    } catch (RuntimeException ex) {
      if (versions.existsById(e.claimId() + "/" + e.version())) {
        throw new ProblemException(HttpStatus.CONFLICT, "estimate-changed", "the estimate of claim " + e.claimId() + " changed meanwhile: reload and retry");
      }
      throw ex;
    }
  }

  private Estimate parse(EstimateVersionRow row) {
    try {
      return mapper.readValue(row.estimateJson(), Estimate.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
