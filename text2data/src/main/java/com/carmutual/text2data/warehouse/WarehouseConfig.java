package com.carmutual.text2data.warehouse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Where the analytics warehouse is (a separate JDBC source from the service's own database) and
 * how queries on it are bounded. A blank url starts the embedded H2 demo warehouse.
 */
@ConfigurationProperties("text2data.warehouse")
public record WarehouseConfig(
    @Nullable String url,
    @Nullable String username,
    @Nullable String password,
    @Nullable Duration statementTimeout,
    @Nullable String demoUrl,
    @Nullable Integer poolSize) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }

  public Duration timeout() {
    return statementTimeout == null ? Duration.ofSeconds(30) : statementTimeout;
  }

  public String demoJdbcUrl() {
    return demoUrl == null || demoUrl.isBlank() ? "jdbc:h2:mem:text2data_warehouse;DB_CLOSE_DELAY=-1" : demoUrl;
  }
}
