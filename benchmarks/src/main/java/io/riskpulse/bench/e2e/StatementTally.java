package io.riskpulse.bench.e2e;

import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.tracker.RequestTracker;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every CQL request the driver completes in this JVM, tallied by what it does ({@code INSERT INTO ks.messages},
 * {@code SELECT ... FROM ks.snapshots}, ...): requests, rows carried (a batch counts its statements), failures and the
 * sum of request latencies. Registered on the node's driver session with
 * {@code datastax-java-driver.advanced.request-tracker.classes}; the journal plugin and the raw-insert baseline of
 * {@link CassandraJournalThroughput} share that session, so both sides are counted by the same code.
 *
 * <p>Sum of latencies / wall time = mean requests in flight (Little's law): the concurrency each side actually
 * had, measured rather than assumed. Latency is the driver's: from the request being sent to its answer, ns.
 *
 * <p>Thread-safety: the driver calls it from its I/O threads; counters are {@link LongAdder}s and the harness reads a
 * {@link #snapshot()} between measurements. The driver instantiates it (public constructor taking a
 * {@link DriverContext}); the counts are static so the harness can read them without the instance.
 */
public final class StatementTally implements RequestTracker {

  private static final Pattern TARGET = Pattern.compile(
      "^\\s*(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|SELECT\\b.*?\\bFROM)\\s+([\\w.\"]+)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Map<String, Counts> COUNTS = new ConcurrentHashMap<>();

  /** Called by the driver. */
  public StatementTally(DriverContext context) {}

  /** One kind of request. */
  static final class Counts {
    final LongAdder requests = new LongAdder();
    final LongAdder rows = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder latencyNanos = new LongAdder();
  }

  /** Totals of one kind at one moment. */
  record Totals(long requests, long rows, long failures, long latencyNanos) {
    Totals minus(Totals earlier) {
      return earlier == null ? this : new Totals(requests - earlier.requests, rows - earlier.rows,
          failures - earlier.failures, latencyNanos - earlier.latencyNanos);
    }
  }

  /** Totals so far, by kind (sorted). */
  static Map<String, Totals> snapshot() {
    Map<String, Totals> totals = new TreeMap<>();
    COUNTS.forEach((kind, c) -> totals.put(kind, new Totals(c.requests.sum(), c.rows.sum(), c.failures.sum(),
        c.latencyNanos.sum())));
    return totals;
  }

  /** What happened between two snapshots, by kind; kinds without requests are left out. */
  static Map<String, Totals> between(Map<String, Totals> before, Map<String, Totals> after) {
    Map<String, Totals> delta = new TreeMap<>();
    after.forEach((kind, total) -> {
      Totals d = total.minus(before.get(kind));
      if (d.requests() > 0) {
        delta.put(kind, d);
      }
    });
    return delta;
  }

  @Override
  public void onSuccess(Request request, long latencyNanos, DriverExecutionProfile profile, Node node,
      String requestLogPrefix) {
    Counts counts = counts(request);
    counts.requests.increment();
    counts.rows.add(rows(request));
    counts.latencyNanos.add(latencyNanos);
  }

  @Override
  public void onError(Request request, Throwable error, long latencyNanos, DriverExecutionProfile profile,
      Node node, String requestLogPrefix) {
    Counts counts = counts(request);
    counts.requests.increment();
    counts.failures.increment();
    counts.latencyNanos.add(latencyNanos);
  }

  @Override
  public void close() {}

  private static Counts counts(Request request) {
    return COUNTS.computeIfAbsent(kind(request), k -> new Counts());
  }

  private static long rows(Request request) {
    return request instanceof BatchStatement batch ? batch.size() : 1;
  }

  /** "BATCH of INSERT INTO ks.messages", "SELECT FROM ks.snapshots", ...: the verb and the table. */
  static String kind(Request request) {
    if (request instanceof BatchStatement batch) {
      String first = "empty";
      for (BatchableStatement<?> statement : batch) {
        first = kind(statement);
        break;
      }
      return "BATCH of " + first;
    }
    String query = request instanceof BoundStatement bound ? bound.getPreparedStatement().getQuery()
        : request instanceof SimpleStatement simple ? simple.getQuery() : request.getClass().getSimpleName();
    Matcher m = TARGET.matcher(query);
    if (!m.find()) {
      String flat = query.strip().replaceAll("\\s+", " ");
      return flat.length() > 40 ? flat.substring(0, 40) : flat;
    }
    String verb = m.group(1).toUpperCase(java.util.Locale.ROOT);
    verb = verb.startsWith("SELECT") ? "SELECT FROM" : verb.replaceAll("\\s+", " ");
    return verb + " " + m.group(2).replace("\"", "");
  }
}
