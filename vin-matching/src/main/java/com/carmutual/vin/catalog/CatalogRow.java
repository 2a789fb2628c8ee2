package com.carmutual.vin.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** One row of the pricing catalog, in the company's own naming (see the catalog README). */
@Serdeable
@MappedEntity("vin_catalog")
public record CatalogRow(
    @Id String catalogId,
    String make,
    String model,
    int modelYear,
    String trim,
    String bodyStyle,
    @Nullable String engine,
    String fuel,
    int msrpUsd,
    int riskClass) {}
