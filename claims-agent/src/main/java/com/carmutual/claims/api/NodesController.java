package com.carmutual.claims.api;

import com.carmutual.claims.damage.DamageInput;
import com.carmutual.claims.damage.DamagePerception;
import com.carmutual.claims.damage.Damages;
import com.carmutual.claims.plan.Plan;
import com.carmutual.claims.plan.PlanInput;
import com.carmutual.claims.plan.RepairPlanner;
import com.carmutual.claims.pricing.PriceInput;
import com.carmutual.claims.pricing.Priced;
import com.carmutual.claims.pricing.Pricer;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import com.carmutual.claims.capacity.RequestPool;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The estimate workflow's standalone nodes, typed, for testing and evaluation one step at a time. */
@Controller("/v1/nodes")
@ExecuteOn(RequestPool.NAME)
@Tag(name = "nodes")
class NodesController {
  private final DamagePerception perception;
  private final RepairPlanner planner;
  private final Pricer pricer;

  NodesController(DamagePerception perception, RepairPlanner planner, Pricer pricer) {
    this.perception = perception;
    this.planner = planner;
    this.pricer = pricer;
  }

  @Operation(summary = "Task claims.damage on a report (text and annotations; no photos)")
  @Post("/claims.damage")
  Damages damage(@Body DamageInput input) {
    return perception.perceive(input, List.of());
  }

  @Operation(summary = "Repair planning rules: damages to unpriced lines and flags")
  @Post("/claims.plan")
  Plan plan(@Body PlanInput input) {
    if (input.vehicle() == null || input.damages() == null) {
      throw com.carmutual.shared.problem.ProblemException.badRequest("node-input", "vehicle and damages are required");
    }
    return planner.plan(input);
  }

  @Operation(summary = "Pricing: lines to priced lines and totals")
  @Post("/claims.price")
  Priced price(@Body PriceInput input) {
    if (input.lines() == null) {
      throw com.carmutual.shared.problem.ProblemException.badRequest("node-input", "lines are required");
    }
    return pricer.price(input);
  }
}
