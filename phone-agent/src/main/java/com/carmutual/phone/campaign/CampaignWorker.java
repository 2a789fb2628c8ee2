package com.carmutual.phone.campaign;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dials due campaign targets in the background (off in tests, which call {@link Campaigns#dialDue()}). */
@Singleton
@Requires(property = "phone.workers.enabled", notEquals = "false")
final class CampaignWorker {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignWorker.class);
  private final Campaigns campaigns;

  CampaignWorker(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  // one call per second at most is Twilio's default CPS for API calls; a 10 s pass of up to 100 stays near it
  @Scheduled(fixedDelay = "10s", initialDelay = "15s")
  void dial() {
    try {
      campaigns.dialDue();
    } catch (RuntimeException e) {
      LOG.warn("campaign dialling pass failed", e);
    }
  }
}
