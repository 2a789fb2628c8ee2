package com.carmutual.claims.capacity;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor every claims-agent controller runs on ({@code @ExecuteOn(RequestPool.NAME)}): a
 * fixed number of threads ({@code claims.requests.threads}) and a queue of fixed size
 * ({@code claims.requests.queue}); a request that finds both full is refused (503, see
 * {@link RejectedRequestHandler}) instead of waiting in an unbounded queue or a new thread.
 */
@Factory
public class RequestPool {
  /** The executor's name for {@code @ExecuteOn}. */
  public static final String NAME = "claims-requests";

  private volatile ThreadPoolExecutor pool;

  @Singleton
  @Named(NAME)
  @Bean(preDestroy = "shutdownNow")
  ExecutorService requests(@Value("${claims.requests.threads:16}") int threads, @Value("${claims.requests.queue:64}") int queue) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, NAME + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), factory, new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
    return executor;
  }

  /** Requests waiting in the queue now (for operators and tests). */
  public int waiting() {
    ThreadPoolExecutor p = pool;
    return p == null ? 0 : p.getQueue().size();
  }
}
