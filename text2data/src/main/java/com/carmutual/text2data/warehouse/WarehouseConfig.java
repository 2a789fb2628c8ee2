package com.carmutual.text2data.warehouse;

import com.carmutual.shared.logging.Secrets;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Where the analytics warehouse is (a separate JDBC source from the service's own database) and
 * how work on it is bounded. A blank url starts the embedded columnar warehouse (DuckDB in process,
 * loaded from the shipped Parquet files).
 *
 * @param poolSize connections at most (HikariCP's maximum pool size)
 * @param queueSize questions that may wait for a connection; more at once are refused with 503 and Retry-After
 * @param queueWait how long a waiting question waits for a connection before it is refused
 * @param embeddedMemoryLimit DuckDB's memory limit for the embedded warehouse (native memory, outside the heap)
 * @param embeddedThreads DuckDB's worker threads for the embedded warehouse
 */
@ConfigurationProperties("text2data.warehouse")
public record WarehouseConfig(
    @Nullable String url,
    @Nullable String username,
    @Nullable String password,
    @Nullable Duration statementTimeout,
    @Nullable Integer poolSize,
    @Nullable Integer queueSize,
    @Nullable Duration queueWait,
    @Nullable String embeddedMemoryLimit,
    @Nullable Integer embeddedThreads) {

  /** The embedded columnar warehouse with default bounds. */
  public static WarehouseConfig embeddedDefault() {
    return new WarehouseConfig(null, null, null, null, null, null, null, null, null);
  }

  /** An external warehouse reached over JDBC. */
  public static WarehouseConfig external(String url, String username, String password) {
    return new WarehouseConfig(url, username, password, null, null, null, null, null, null);
  }

  public WarehouseConfig withStatementTimeout(Duration timeout) {
    return new WarehouseConfig(url, username, password, timeout, poolSize, queueSize, queueWait, embeddedMemoryLimit, embeddedThreads);
  }

  public WarehouseConfig withPool(int pool, int queue) {
    return new WarehouseConfig(url, username, password, statementTimeout, pool, queue, queueWait, embeddedMemoryLimit, embeddedThreads);
  }

  public boolean embedded() {
    return url == null || url.isBlank();
  }

  public Duration timeout() {
    return statementTimeout == null ? Duration.ofSeconds(30) : statementTimeout;
  }

  public int pool() {
    return poolSize == null ? 4 : Math.max(1, poolSize);
  }

  public int queue() {
    return queueSize == null ? 32 : Math.max(0, queueSize);
  }

  public Duration waitForConnection() {
    return queueWait == null ? Duration.ofSeconds(10) : queueWait;
  }

  public String memoryLimit() {
    return embeddedMemoryLimit == null || embeddedMemoryLimit.isBlank() ? "512MB" : embeddedMemoryLimit;
  }

  public int threads() {
    return embeddedThreads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : Math.max(1, embeddedThreads);
  }

  /** Everything but the password (whether one is set), with any password in the URLs masked too. */
  @Override
  public String toString() {
    return "WarehouseConfig[url=" + (embedded() ? "embedded" : Secrets.maskUrl(url)) + ", username=" + username + ", password="
        + Secrets.mask(password) + ", statementTimeout=" + statementTimeout + ", pool=" + pool() + ", queue=" + queue() + "]";
  }
}
