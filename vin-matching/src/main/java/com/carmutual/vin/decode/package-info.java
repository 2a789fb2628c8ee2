/**
 * VIN rules and vPIC pattern matching: validation, check digit, WMI, model year, most-specific
 * pattern per element. Architecture invariant: this package never does I/O; it works on {@code
 * VpicData} already in memory. Values are non-null unless marked {@code @Nullable}.
 */
package com.carmutual.vin.decode;
