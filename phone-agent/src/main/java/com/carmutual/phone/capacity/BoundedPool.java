package com.carmutual.phone.capacity;

import io.micronaut.core.propagation.PropagatedContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of daemon threads with a queue of fixed length; work beyond both is refused with
 * {@link RejectedExecutionException} at once, so the caller answers "busy" instead of memory growing.
 * The submitter's propagated context (request, tracing) goes with the work.
 */
public final class BoundedPool implements Executor, AutoCloseable {
  /** Bean name of the pool that runs ConversationRelay turns. */
  public static final String RELAY = "phone-relay";
  /** Bean name of the pool that waits on the gateway for {@code phone.extract}. */
  public static final String EXTRACT = "phone-extract";

  private final String name;
  private final ThreadPoolExecutor pool;

  public BoundedPool(String name, int threads, int queue) {
    if (threads < 1 || queue < 1) {
      throw new IllegalArgumentException("pool " + name + " needs at least one thread and one queue slot, not " + threads + "/" + queue);
    }
    this.name = name;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    this.pool.allowCoreThreadTimeOut(true);
  }

  /** Runs {@code work} on the pool; throws {@link RejectedExecutionException} when threads and queue are full. */
  @Override
  public void execute(Runnable work) {
    pool.execute(PropagatedContext.wrapCurrent(work));
  }

  public String name() {
    return name;
  }

  /** Threads that exist now (never more than the configured number). */
  public int threads() {
    return pool.getPoolSize();
  }

  /** The most threads this pool ever had at once. */
  public int largestThreads() {
    return pool.getLargestPoolSize();
  }

  /** Work running or waiting now. */
  public int pending() {
    return pool.getActiveCount() + pool.getQueue().size();
  }

  /** Work waiting for a thread. */
  public int queued() {
    return pool.getQueue().size();
  }

  public int queueCapacity() {
    return pool.getQueue().size() + pool.getQueue().remainingCapacity();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
