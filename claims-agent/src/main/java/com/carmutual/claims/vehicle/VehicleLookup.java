package com.carmutual.claims.vehicle;

/** Resolves the claim's vehicle; never fails: when the decoder is unavailable it falls back to the report. */
public interface VehicleLookup {

  /** The vehicle for {@code vin} (may be null) and what the member wrote (may be null). */
  Vehicle resolve(String vin, VehicleDescription reported);
}
