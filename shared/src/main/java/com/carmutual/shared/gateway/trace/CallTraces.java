package com.carmutual.shared.gateway.trace;

import com.carmutual.shared.gateway.LlmCallQuery;
import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.gateway.LlmCalls;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every gateway call off the request path: {@link #submit} puts it on a bounded queue
 * (dropping, with a warning, when full rather than slowing callers) and one writer thread
 * inserts batches into {@code llm_call} on the default datasource. Without a datasource, or
 * without the table, the last calls are kept in memory instead and a warning is logged once.
 */
@Singleton
public final class CallTraces implements LlmCalls {
  private static final Logger LOG = LoggerFactory.getLogger(CallTraces.class);
  private static final int BATCH = 200;
  private static final int MEMORY_KEEP = 2_000;
  private static final String COLUMNS =
      "id, task, operation, client, trace_id, run_id, node, provider, model, route_version, prompt_version,"
          + " input, output, parsed, input_tokens, output_tokens, cached_tokens, cost, latency_micros, attempts,"
          + " outcome, error, created_at, first_token_micros";
  private static final Argument<List<LlmCallRecord.Attempt>> ATTEMPTS = Argument.listOf(LlmCallRecord.Attempt.class);

  private final BeanContext context;
  private final JsonMapper json;
  private final BlockingQueue<PendingCall> queue;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Deque<LlmCallRecord> memory = new ArrayDeque<>();
  private final Thread writer;
  private volatile boolean running = true;
  private volatile DataSource dataSource;
  private volatile boolean memoryOnly;

  CallTraces(BeanContext context, JsonMapper json, @Value("${llm.trace.queue-size:10000}") int queueSize) {
    this.context = context;
    this.json = json;
    this.queue = new ArrayBlockingQueue<>(Math.max(16, queueSize));
    this.writer = new Thread(this::drain, "llm-trace-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Queues a finished call for storage; never blocks. */
  public void submit(PendingCall call) {
    submitted.incrementAndGet();
    if (!queue.offer(call)) {
      done.incrementAndGet();
      if (dropped.incrementAndGet() % 1000 == 1) {
        LOG.warn("LLM trace queue full: {} call traces dropped so far", dropped.get());
      }
    }
  }

  /** Calls dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public boolean flush(Duration timeout) {
    long target = submitted.get();
    long until = System.nanoTime() + timeout.toNanos();
    while (done.get() < target) {
      if (System.nanoTime() - until > 0) {
        return false;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @PreDestroy
  void close() {
    flush(Duration.ofSeconds(3));
    running = false;
    writer.interrupt();
  }

  private void drain() {
    List<PendingCall> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        PendingCall first = queue.poll(250, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        store(batch);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot store {} LLM call traces: {}", batch.size(), e.toString());
      } finally {
        done.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  private void store(List<PendingCall> batch) {
    List<LlmCallRecord> records = new ArrayList<>(batch.size());
    for (PendingCall p : batch) {
      records.add(toRecord(p));
    }
    DataSource ds = dataSource();
    if (ds != null) {
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement(
              "insert into llm_call (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        for (LlmCallRecord r : records) {
          bind(ps, r);
          ps.addBatch();
        }
        ps.executeBatch();
        if (!c.getAutoCommit()) {
          c.commit();
        }
        return;
      } catch (SQLException e) {
        LOG.warn("cannot write LLM call traces to llm_call ({}); keeping them in memory from now on", e.getMessage());
        memoryOnly = true;
      }
    }
    synchronized (memory) {
      for (LlmCallRecord r : records) {
        memory.addFirst(r);
        if (memory.size() > MEMORY_KEEP) {
          memory.removeLast();
        }
      }
    }
  }

  private LlmCallRecord toRecord(PendingCall p) {
    return new LlmCallRecord(p.id(), p.task(), p.operation(), p.client(), p.traceId(), p.runId(), p.node(),
        p.provider(), p.model(), p.routeVersion(), p.promptVersion(), text(p.input(), p), text(p.output(), p),
        text(p.parsed(), p), p.inputTokens(), p.outputTokens(), p.cachedTokens(), p.cost(), p.latencyMicros(),
        p.attempts(), p.outcome(), p.error(), p.createdAt(), p.firstTokenMicros());
  }

  private String text(Object value, PendingCall p) {
    if (value == null) {
      return null;
    }
    String s;
    if (value instanceof String str) {
      s = str;
    } else {
      try {
        s = json.writeValueAsString(value);
      } catch (Exception e) {
        s = String.valueOf(value);
      }
    }
    return p.redact().apply(s);
  }

  private void bind(PreparedStatement ps, LlmCallRecord r) throws SQLException {
    int i = 1;
    ps.setString(i++, r.id());
    ps.setString(i++, r.task());
    ps.setString(i++, r.operation());
    ps.setString(i++, r.client());
    ps.setString(i++, r.traceId());
    ps.setString(i++, r.runId());
    ps.setString(i++, r.node());
    ps.setString(i++, r.provider());
    ps.setString(i++, r.model());
    ps.setString(i++, r.routeVersion());
    ps.setString(i++, r.promptVersion());
    ps.setString(i++, r.input());
    ps.setString(i++, r.output());
    ps.setString(i++, r.parsed());
    ps.setInt(i++, r.inputTokens());
    ps.setInt(i++, r.outputTokens());
    ps.setInt(i++, r.cachedTokens());
    ps.setBigDecimal(i++, r.cost());
    ps.setLong(i++, r.latencyMicros());
    try {
      ps.setString(i++, json.writeValueAsString(r.attempts()));
    } catch (Exception e) {
      ps.setString(i - 1, "[]");
    }
    ps.setString(i++, r.outcome());
    ps.setString(i++, r.error());
    ps.setObject(i++, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC));
    ps.setObject(i, r.firstTokenMicros(), java.sql.Types.BIGINT);
  }

  private DataSource dataSource() {
    if (memoryOnly) {
      return null;
    }
    DataSource ds = dataSource;
    if (ds == null) {
      synchronized (this) {
        ds = dataSource;
        if (ds == null && !memoryOnly) {
          try {
            Optional<DataSource> found = context.findBean(DataSource.class, Qualifiers.byName("default"));
            if (found.isEmpty()) {
              LOG.warn("no default datasource: LLM call traces are kept in memory only (last {})", MEMORY_KEEP);
              memoryOnly = true;
              return null;
            }
            ds = found.get();
            DataSource raw = ds;
            ds = context.findBean(DataSourceResolver.class).map(r -> r.resolve(raw)).orElse(raw);
            dataSource = ds;
          } catch (RuntimeException e) {
            LOG.warn("no usable datasource ({}): LLM call traces are kept in memory only", e.toString());
            memoryOnly = true;
            return null;
          }
        }
      }
    }
    return ds;
  }

  @Override
  public Optional<LlmCallRecord> find(String id) {
    List<LlmCallRecord> found = query("select " + COLUMNS + " from llm_call where id = ?", List.of(id),
        r -> r.id().equals(id), 1, false);
    return found.stream().findFirst();
  }

  @Override
  public List<LlmCallRecord> list(LlmCallQuery q) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from llm_call where 1=1");
    List<Object> args = new ArrayList<>();
    if (q.task() != null) {
      sql.append(" and task = ?");
      args.add(q.task());
    }
    if (q.outcome() != null) {
      sql.append(" and outcome = ?");
      args.add(q.outcome());
    }
    if (q.from() != null) {
      sql.append(" and created_at >= ?");
      args.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
    }
    if (q.to() != null) {
      sql.append(" and created_at < ?");
      args.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
    }
    sql.append(" order by created_at desc, id desc limit ").append(q.limit());
    return query(sql.toString(), args,
        r -> (q.task() == null || q.task().equals(r.task()))
            && (q.outcome() == null || q.outcome().equals(r.outcome()))
            && (q.from() == null || !r.createdAt().isBefore(q.from()))
            && (q.to() == null || r.createdAt().isBefore(q.to())),
        q.limit(), false);
  }

  @Override
  public List<LlmCallRecord> byRun(String runId) {
    return query("select " + COLUMNS + " from llm_call where run_id = ? order by created_at, id",
        List.of(runId), r -> runId.equals(r.runId()), 10_000, true);
  }

  private List<LlmCallRecord> query(
      String sql, List<Object> args, java.util.function.Predicate<LlmCallRecord> inMemory, int limit,
      boolean oldestFirst) {
    DataSource ds = dataSource();
    if (ds != null && !memoryOnly) {
      try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        List<LlmCallRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
        return out;
      } catch (SQLException e) {
        LOG.warn("cannot read LLM call traces: {}", e.getMessage());
      }
    }
    List<LlmCallRecord> out = new ArrayList<>();
    synchronized (memory) {
      for (LlmCallRecord r : memory) {
        if (inMemory.test(r)) {
          out.add(r);
        }
      }
    }
    if (oldestFirst) {
      out.sort(Comparator.comparing(LlmCallRecord::createdAt));
    }
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private LlmCallRecord read(ResultSet rs) throws SQLException {
    List<LlmCallRecord.Attempt> attempts;
    try {
      String a = rs.getString("attempts");
      attempts = a == null ? List.of() : json.readValue(a, ATTEMPTS);
    } catch (Exception e) {
      attempts = List.of();
    }
    return new LlmCallRecord(rs.getString("id"), rs.getString("task"), rs.getString("operation"),
        rs.getString("client"), rs.getString("trace_id"), rs.getString("run_id"), rs.getString("node"),
        rs.getString("provider"), rs.getString("model"), rs.getString("route_version"),
        rs.getString("prompt_version"), rs.getString("input"), rs.getString("output"), rs.getString("parsed"),
        rs.getInt("input_tokens"), rs.getInt("output_tokens"), rs.getInt("cached_tokens"),
        rs.getBigDecimal("cost"), rs.getLong("latency_micros"), attempts, rs.getString("outcome"),
        rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("first_token_micros", Long.class));
  }
}
