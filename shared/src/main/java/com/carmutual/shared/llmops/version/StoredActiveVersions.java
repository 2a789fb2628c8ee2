package com.carmutual.shared.llmops.version;

import com.carmutual.shared.gateway.ActiveVersions;
import com.carmutual.shared.gateway.TaskVersion;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions switched at run time, read by the gateway on every call. Keeps a snapshot of the
 * whole (small) table and reloads it when older than {@code suite.llmops.versions.refresh}
 * (default 2 s), so a switch made by another instance sharing the database is seen within that
 * time; a switch made here is seen at once. While the database cannot be read the last snapshot
 * stays in force.
 */
@Singleton
@Requires(beans = DataSource.class)
final class StoredActiveVersions implements ActiveVersions {
  private static final Logger LOG = LoggerFactory.getLogger(StoredActiveVersions.class);

  private record Snapshot(Map<String, TaskVersion> byTask, long loadedNanos) {}

  private final ActiveVersionRepository repository;
  private final long refreshNanos;
  private final ReentrantLock reloading = new ReentrantLock();
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MIN_VALUE);

  StoredActiveVersions(
      ActiveVersionRepository repository,
      @Value("${suite.llmops.versions.refresh:2s}") Duration refresh) {
    this.repository = repository;
    this.refreshNanos = refresh.toNanos();
  }

  @Override
  public Optional<TaskVersion> active(String task) {
    Snapshot s = snapshot;
    if (s.loadedNanos() == Long.MIN_VALUE || System.nanoTime() - s.loadedNanos() > refreshNanos) {
      s = reload(s);
    }
    return Optional.ofNullable(s.byTask().get(task));
  }

  /** Forgets the snapshot so the next read sees the table as it is now. */
  void invalidate() {
    snapshot = new Snapshot(snapshot.byTask(), Long.MIN_VALUE);
  }

  private Snapshot reload(Snapshot stale) {
    boolean first = stale.loadedNanos() == Long.MIN_VALUE;
    if (!(first ? lock() : reloading.tryLock())) {
      return stale; // another thread is reloading: use what we have
    }
    try {
      Snapshot current = snapshot;
      if (current != stale && current.loadedNanos() != Long.MIN_VALUE) {
        return current;
      }
      Map<String, TaskVersion> byTask = new HashMap<>();
      for (ActiveVersionEntity e : repository.findAll()) {
        byTask.put(e.task(), new TaskVersion(e.routeVersion(), e.promptVersion()));
      }
      Snapshot fresh = new Snapshot(Map.copyOf(byTask), System.nanoTime());
      snapshot = fresh;
      return fresh;
    } catch (RuntimeException e) {
      LOG.warn("active versions could not be read; keeping the last known ones", e);
      Snapshot kept = new Snapshot(stale.byTask(), System.nanoTime());
      snapshot = kept;
      return kept;
    } finally {
      reloading.unlock();
    }
  }

  private boolean lock() {
    reloading.lock();
    return true;
  }
}
