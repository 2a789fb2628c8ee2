package com.carmutual.claims.estimate;

import com.carmutual.claims.damage.DamageInput;
import com.carmutual.claims.damage.DamagePerception;
import com.carmutual.claims.damage.Damages;
import com.carmutual.claims.damage.PhotoTextAgreement;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.intake.Claim;
import com.carmutual.claims.intake.ClaimReport;
import com.carmutual.claims.photo.PhotoFacts;
import com.carmutual.claims.plan.Plan;
import com.carmutual.claims.plan.PlanInput;
import com.carmutual.claims.plan.RepairPlanner;
import com.carmutual.claims.pricing.PriceInput;
import com.carmutual.claims.pricing.Priced;
import com.carmutual.claims.pricing.Pricer;
import com.carmutual.claims.pricing.TotalLoss;
import com.carmutual.claims.pricing.TotalLossCheck;
import com.carmutual.claims.vehicle.Vehicle;
import com.carmutual.claims.vehicle.VehicleLookup;
import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.llmops.NodeKind;
import com.carmutual.shared.llmops.Workflows;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code claims.estimate} workflow: vehicle (vin-matching, fallback to the report), damage
 * perception (the one LLM node), repair planning, pricing and the total-loss check, each a stored
 * node of one run.
 */
@Singleton
public class EstimatePipeline {
  public static final String WORKFLOW = "claims.estimate";

  private final Workflows workflows;
  private final VehicleLookup vehicles;
  private final DamagePerception perception;
  private final RepairPlanner planner;
  private final Pricer pricer;
  private final TotalLossCheck totalLoss;
  private final Clock clock;

  EstimatePipeline(
      Workflows workflows, VehicleLookup vehicles, DamagePerception perception, RepairPlanner planner, Pricer pricer, TotalLossCheck totalLoss, Clock clock) {
    this.workflows = workflows;
    this.vehicles = vehicles;
    this.perception = perception;
    this.planner = planner;
    this.pricer = pricer;
    this.totalLoss = totalLoss;
    this.clock = clock;
  }

  /** The machine estimate (version 1) of a claim, with its photos for a vision route. */
  public Estimate run(Claim claim, List<ImageInput> images) {
    ClaimReport report = claim.report();
    EstimateRequest request = new EstimateRequest(claim.id(), report, claim.photos().stream().map(PhotoFacts::fileName).toList());
    Workflows.RunResult<Estimate> result =
        workflows.run(
            WORKFLOW,
            request,
            run -> {
              Vehicle vehicle = run.node("vehicle", NodeKind.DETERMINISTIC, report, () -> vehicles.resolve(report.vin(), report.vehicle()));
              DamageInput damageInput = damageInput(report, request.photos());
              Damages damages = run.node("damage", NodeKind.LLM, damageInput, () -> perception.perceive(damageInput, images));
              PlanInput planInput = new PlanInput(vehicle, report.lossDate(), damages.damages());
              Plan plan = run.node("planning", NodeKind.DETERMINISTIC, planInput, () -> planner.plan(planInput));
              PriceInput priceInput = new PriceInput(vehicle, plan.lines(), report.deductible());
              Priced priced = run.node("pricing", NodeKind.DETERMINISTIC, priceInput, () -> pricer.price(priceInput));
              TotalLoss tl =
                  run.node("total-loss", NodeKind.DETERMINISTIC, priced.totals(),
                      () -> totalLoss.check(vehicle, report.lossDate(), report.place(), priced.totals().grossTotal(), report.vehicleValue()));
              List<Flag> flags = new ArrayList<>(claim.flags());
              flags.addAll(vehicleFlags(vehicle));
              flags.addAll(plan.flags());
              flags.addAll(PhotoTextAgreement.flags(damages.damages()));
              if (tl.totalLoss()) {
                flags.add(new Flag("TOTAL_LOSS", "estimate", "warning", null,
                    "repair " + tl.repairCost().toPlainString() + " >= threshold " + tl.thresholdAmount().toPlainString() + ": " + tl.explanation()));
              }
              if (damages.damages().isEmpty()) {
                flags.add(new Flag("NO_DAMAGE_FOUND", "estimate", "review", null, "no damaged part could be read from the report or photos"));
              }
              return new Estimate(claim.id(), 1, "draft", vehicle, damages.damages(), priced.lines(), priced.totals(), tl, flags, run.id(),
                  "machine", null, "claims-agent", clock.instant());
            });
    return result.output();
  }

  static DamageInput damageInput(ClaimReport report, List<String> photos) {
    return new DamageInput(report.description(), report.vehicle(), report.damages(), photos);
  }

  private static List<Flag> vehicleFlags(Vehicle v) {
    List<Flag> flags = new ArrayList<>();
    for (String w : v.warnings()) {
      flags.add(new Flag("VEHICLE_" + ("report".equals(v.source()) ? "FROM_REPORT" : "CHECK"), "vehicle", "info", v.vin(), w));
    }
    return flags;
  }
}
