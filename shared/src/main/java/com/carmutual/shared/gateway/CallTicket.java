package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.budget.Budgets;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * Hands one call's budget reservation from {@link CallPipeline} to the call's bookkeeping on the
 * same thread, and brings the call's figures back: the call started right after {@link #open}
 * takes the ticket, settles the reservation from its reported usage when it finishes, and a call it
 * makes in turn (a local task calling the gateway) opens a ticket of its own.
 */
final class CallTicket {
  private static final ThreadLocal<CallTicket> OPEN = new ThreadLocal<>();

  @Nullable private final Budgets.Reservation reservation;
  boolean finished;
  String callId;
  String outcome;
  @Nullable LlmException.Kind errorKind;
  @Nullable String routeVersion;
  @Nullable String promptVersion;
  BigDecimal cost = BigDecimal.ZERO;
  int inputTokens;
  int outputTokens;
  long latencyMicros;

  private CallTicket(@Nullable Budgets.Reservation reservation) {
    this.reservation = reservation;
  }

  static CallTicket open(@Nullable Budgets.Reservation reservation) {
    CallTicket t = new CallTicket(reservation);
    OPEN.set(t);
    return t;
  }

  /** The ticket opened for the call starting now on this thread, once; null when none. */
  @Nullable
  static CallTicket take() {
    CallTicket t = OPEN.get();
    if (t != null) {
      OPEN.remove();
    }
    return t;
  }

  void finished(
      String callId, String outcome, @Nullable LlmException.Kind errorKind, @Nullable String routeVersion,
      @Nullable String promptVersion, BigDecimal cost, int inputTokens, int outputTokens, long latencyMicros) {
    if (finished) {
      return;
    }
    finished = true;
    this.callId = callId;
    this.outcome = outcome;
    this.errorKind = errorKind;
    this.routeVersion = routeVersion;
    this.promptVersion = promptVersion;
    this.cost = cost == null ? BigDecimal.ZERO : cost;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.latencyMicros = latencyMicros;
    if (reservation != null) {
      reservation.settle(Budgets.micros(this.cost), (long) inputTokens + outputTokens);
    }
  }

  /** Ends the ticket: a reservation the call never settled (it failed before finishing) is released. */
  void close() {
    if (OPEN.get() == this) {
      OPEN.remove();
    }
    if (!finished && reservation != null) {
      reservation.release();
    }
  }
}
