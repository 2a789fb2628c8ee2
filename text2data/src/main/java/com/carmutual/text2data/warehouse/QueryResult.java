package com.carmutual.text2data.warehouse;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Rows of one executed query; truncated when the forced row limit cut the result. */
@Serdeable
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated, long elapsedMillis) {}
