package io.riskpulse.bench.e2e;

import io.riskpulse.bench.BenchLimits;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioState;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Heap per resident portfolio entity holding 20 positions (issue 7: at most 4 KB, so a million portfolios fit a
 * few nodes), on a real node ({@link BenchNode}: the shipped configuration, embedded H2 journal).
 *
 * <p>End to end: a {@link HeapCensus} (full collection, then the live bytes of the class histogram) with no
 * portfolio open, then after the portfolios exist: {@code sizes} are cumulative counts (2,000, 5,000, 10,000 by
 * default), and at each the harness opens portfolios up to that count through {@link PortfolioClient} (desk
 * {@code desk-<i mod 10>}, every limit kind set as {@link BenchLimits#realistic} with VaR and ES, one instance per
 * portfolio as a deserialized command would bring), gives each one 20 fills in one {@code applyAll} (1,000 units
 * bought in each of 20 USD instruments of the node's universe, priced in the market view), awaits every reply, asks
 * the shard region how many portfolio entities are resident (it must be the count), and takes a census. Bytes per
 * entity at a count = (live − baseline) / count: everything the node holds because the entities exist (actor,
 * mailbox, state, transient risk and detection objects, sharding and remember-entities bookkeeping, the journal's
 * in-process cache, the desk aggregate's copy of each vector). The slope between two counts leaves out one-off
 * costs (the shard region and coordinator started by the first portfolio, classes initialised, caches that fill
 * once). Strings of each fill are copied as the wire decoder would make them (not shared literals), so per-entity
 * strings are counted as in production.
 *
 * <p>Breakdown: the class histogram's growth per entity, then one entity (the last portfolio opened, whose fills
 * are seconds old) walked with JOL sizes ({@link OwnedGraph}, {@link ResidentEntity}): its actor, its live
 * {@link PortfolioState} field by field, and the {@link Portfolio} behaviour's fields (live risk, order flow,
 * detectors, ...). A second entity of the same shard is walked the same way and whatever both reach is left out
 * (node-level, not the entity's). Each object is charged to the first item that reaches it, in the order printed,
 * so the rows add up. JOL's own {@code GraphLayout} footprint of self-contained parts is printed too.
 *
 * <p>Idle: what an entity holds depends on how recently it traded (the impact detector keeps a window per
 * instrument filled within its volume window, 60 s by default). After {@code idleSeconds} without fills the census
 * and the breakdown are taken again: a portfolio that has stopped trading.
 *
 * <p>Options ({@code key=value}): {@code sizes} (2000,5000,10000), {@code window} asks in flight (64),
 * {@code timeoutSeconds} per reply (120), {@code idleSeconds} (90). Run with {@code -Djdk.attach.allowAttachSelf=true}: JOL then attaches its
 * agent to this JVM and sizes objects with it. Without the agent, JOL 0.17 on JDK 17 cannot take the field offsets
 * of records and hidden classes (the JVM refuses them) and the breakdown fails at the first record; JOL prints
 * nothing when the agent attaches.
 */
public final class EntityFootprint {

  /** The target of issue 7, bytes per resident entity with 20 positions. */
  static final long TARGET_BYTES = 4 * 1024;

  /** Twenty USD instruments of the shipped universe (none on the realistic limits' restricted list), and a price. */
  static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "JPM", "JNJ", "XOM", "SPX", "NDX", "TLT", "IEF", "LQD",
      "XAUUSD", "VNQ", "RWX", "WTI", "COPPER", "NATGAS", "EURUSD", "GBPUSD", "AUDUSD"};
  static final double[] PRICES = {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
      100, 1.1, 1.25, 0.65};
  /** Units bought of each instrument: a multiple of every lot size above. */
  static final double QUANTITY = 1_000;
  static final String STRATEGY = "footprint";

  private EntityFootprint() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int[] sizes = options.integers("sizes", 2_000, 5_000, 10_000);
    int window = options.integer("window", 64);
    long timeoutSeconds = options.number("timeoutSeconds", 120);
    int idleSeconds = options.integer("idleSeconds", 90);
    Harness.banner("RiskPulse heap per resident portfolio entity with " + SYMBOLS.length + " positions", options);
    System.out.println("jvm: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
        .getInputArguments()));

    try (BenchNode node = BenchNode.start("footprint")) {
      quote(node);
      HeapCensus baseline = HeapCensus.take();
      System.out.println();
      System.out.println("     N   live heap MiB   used after GC MiB   bytes/entity (live-base)/N   "
          + "slope B/entity   resident");
      System.out.println(Stats.fmt("%6d  %14.1f  %18.1f", 0, mib(baseline.liveBytes()), mib(baseline.usedAfterGc())));
      List<Double> perEntity = new ArrayList<>();
      List<Double> slopes = new ArrayList<>();
      HeapCensus previous = baseline;
      int opened = 0;
      HeapCensus last = baseline;
      for (int size : sizes) {
        populate(node, opened, size, window, timeoutSeconds);
        int previousCount = opened;
        opened = size;
        int resident = residentEntities(node);
        if (resident != size) {
          throw new IllegalStateException("expected " + size + " resident portfolio entities, the region has "
              + resident);
        }
        last = HeapCensus.take();
        double bytes = (double) (last.liveBytes() - baseline.liveBytes()) / size;
        perEntity.add(bytes);
        String slope = "";
        if (previousCount > 0) {
          double s = (double) (last.liveBytes() - previous.liveBytes()) / (size - previousCount);
          slopes.add(s);
          slope = Stats.fmt("%,.0f", s);
        }
        System.out.println(Stats.fmt("%6d  %14.1f  %18.1f   %26s   %14s   %8d", size, mib(last.liveBytes()),
            mib(last.usedAfterGc()), Stats.fmt("%,.0f", bytes), slope, resident));
        previous = last;
      }
      double median = Stats.median(perEntity.stream().mapToDouble(Double::doubleValue).toArray());
      double medianSlope = slopes.isEmpty() ? Double.NaN
          : Stats.median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
      int n = sizes[sizes.length - 1];
      check(node, portfolioId(n - 1));
      histogram(baseline, last, n);
      System.out.println();
      System.out.println("=== one entity right after its fills (the last portfolio opened) ===");
      breakdown(node, n);

      // Not a synchronisation: the detectors drop an instrument's impact window once its last fill is older than
      // the volume window, on a mark tick; waiting past it shows what a portfolio that stopped trading holds.
      System.out.println();
      System.out.println(Stats.fmt("=== idle: %d s after the last fills ===", idleSeconds));
      Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
      HeapCensus idle = HeapCensus.take();
      double idleBytes = (double) (idle.liveBytes() - baseline.liveBytes()) / n;
      System.out.println(Stats.fmt("N %d: live heap %.1f MiB (used after GC %.1f MiB), %s bytes/entity", n,
          mib(idle.liveBytes()), mib(idle.usedAfterGc()), Stats.fmt("%,.0f", idleBytes)));
      histogram(baseline, idle, n);
      breakdown(node, n);

      System.out.println();
      System.out.println(Stats.fmt("bytes per resident entity right after its fills (median over N of "
              + "(live-baseline)/N): %,.0f   slope (median): %,.0f   idle %d s later: %,.0f   target <= %,d: %s",
          median, medianSlope, idleSeconds, idleBytes, TARGET_BYTES,
          Math.min(median, idleBytes) <= TARGET_BYTES ? "MET" : "NOT MET"));
    }
  }

  /** Prices for the twenty instruments, so fills, marks and the live risk have them. */
  static void quote(BenchNode node) {
    long now = System.currentTimeMillis();
    for (int i = 0; i < SYMBOLS.length; i++) {
      double p = PRICES[i];
      if (node.services.market().update(new Quote(SYMBOLS[i], Double.NaN, p * 0.9999, p * 1.0001, now)) != null) {
        throw new IllegalStateException("market view refused a price for " + SYMBOLS[i]);
      }
    }
  }

  static String portfolioId(int i) {
    return String.format("fp-%05d", i);
  }

  /**
   * Opens portfolios {@code from} to {@code to − 1} and gives each its 20 fills; returns when all have answered. An
   * ask that times out (the client's ask timeout; the first opens wait for shard allocation) is sent again: a
   * repeated open may find the portfolio already open, a repeated batch finds its fills already applied, and both
   * count as done.
   */
  static void populate(BenchNode node, int from, int to, int window, long timeoutSeconds) throws Exception {
    PortfolioClient client = node.services.portfolios();
    WindowedAsks.forEach(from, to, window, timeoutSeconds, (i, attempt) -> client.open(portfolioId(i), "desk-" + (i % 10),
        "trader-" + (i % 50), BenchLimits.INITIAL_CASH, limits(), "benchmark")
        .thenApply(reply -> WindowedAsks.openProblem(portfolioId(i), reply, attempt)));
    long now = System.currentTimeMillis();
    WindowedAsks.forEach(from, to, window, timeoutSeconds, (i, attempt) -> client.applyAll(portfolioId(i),
        fills(portfolioId(i), now)).thenApply(replies -> {
          for (Reply reply : replies) {
            if (!reply.isAccepted() && !(attempt > 0 && reply.outcome() == Reply.Outcome.DUPLICATE)) {
              return "a fill of " + portfolioId(i) + " was refused: " + reply;
            }
          }
          return replies.size() == SYMBOLS.length ? null : portfolioId(i) + ": " + replies.size() + " replies";
        }));
  }

  /** A fresh limits object per portfolio, as each deserialized open command brings its own. */
  private static Limits limits() {
    return BenchLimits.realistic(true, BenchLimits.Risk.VAR, 100);
  }

  /** One buy of {@link #QUANTITY} per instrument, strings copied as a decoder makes them. */
  static List<Execution> fills(String portfolioId, long atMillis) {
    List<Execution> fills = new ArrayList<>(SYMBOLS.length);
    for (int k = 0; k < SYMBOLS.length; k++) {
      fills.add(new Execution(wire(portfolioId + "-" + SYMBOLS[k]), wire(portfolioId), wire(STRATEGY),
          wire(SYMBOLS[k]), Side.BUY, QUANTITY, PRICES[k], atMillis));
    }
    return fills;
  }

  /** A new string with its own characters, like one decoded from a frame. */
  private static String wire(String s) {
    return new String(s.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
  }

  /** Portfolio entities the shard region on this node says are running. */
  private static int residentEntities(BenchNode node) throws Exception {
    ShardRegion.CurrentShardRegionState state = BenchNode.await(AskPattern.ask(
        ClusterSharding.get(node.system).shardState(),
        (org.apache.pekko.actor.typed.ActorRef<ShardRegion.CurrentShardRegionState> replyTo) ->
            new GetShardRegionState(Portfolio.ENTITY_KEY, replyTo),
        Duration.ofSeconds(30), node.system.scheduler()), 35);
    return state.getShards().stream().mapToInt(shard -> shard.getEntityIds().size()).sum();
  }

  /** One portfolio as its users see it: 20 positions, 20 executions, no breach; its risk figures are printed. */
  private static void check(BenchNode node, String id) throws Exception {
    PortfolioSnapshot snapshot = BenchNode.await(node.services.portfolios().snapshot(id), 30);
    long held = snapshot.valuation().positions().stream().filter(p -> p.quantity() != 0).count();
    System.out.println();
    System.out.println(Stats.fmt("check %s: %d positions, %d executions, %d active breaches, %d warnings, "
            + "gross exposure %,.0f, VaR99 %,.0f over %d scenarios", id, held, snapshot.executionCount(),
        snapshot.activeBreaches().size(), snapshot.activeWarnings().size(), snapshot.valuation().grossExposure(),
        snapshot.risk().valueAtRisk99(), snapshot.risk().scenarioCount()));
    if (held != SYMBOLS.length || snapshot.executionCount() != SYMBOLS.length
        || !snapshot.activeBreaches().isEmpty()) {
      throw new IllegalStateException(id + " is not the portfolio measured: " + snapshot);
    }
  }

  /** What grew between the baseline and the last census, per entity, by class. */
  private static void histogram(HeapCensus baseline, HeapCensus last, int n) {
    System.out.println();
    System.out.println("live heap growth by class, per entity (N = " + n + "), largest first:");
    System.out.println("   bytes/entity   objects/entity   class");
    List<String> classes = new ArrayList<>(last.bytesByClass().keySet());
    baseline.bytesByClass().keySet().stream().filter(c -> !last.bytesByClass().containsKey(c)).forEach(classes::add);
    classes.sort(Comparator.comparingLong((String c) -> -last.bytesSince(baseline, c)));
    long total = last.liveBytes() - baseline.liveBytes();
    long shown = 0;
    for (String c : classes.subList(0, Math.min(40, classes.size()))) {
      long bytes = last.bytesSince(baseline, c);
      shown += bytes;
      System.out.println(Stats.fmt("%15.1f  %15.2f   %s", (double) bytes / n, (double) last.countSince(baseline, c)
          / n, c));
    }
    System.out.println(Stats.fmt("%15.1f  %15s   (every other class)", (double) (total - shown) / n, ""));
    long h2 = 0;
    for (String c : classes) {
      if (c.startsWith("org.h2.")) {
        h2 += last.bytesSince(baseline, c);
      }
    }
    System.out.println(Stats.fmt("   of which H2 classes (the embedded journal's objects; its pages' arrays are "
        + "not told apart): %,.1f B/entity", (double) h2 / n));
  }

  /** JOL-measured breakdown of one entity, net of what a second entity of the same shard also reaches. */
  private static void breakdown(BenchNode node, int n) throws Exception {
    ResidentEntity a = ResidentEntity.find(node, portfolioId(n - 1));
    ResidentEntity b = null;
    for (int i = n - 2; i >= 0 && b == null; i--) {
      ResidentEntity candidate = ResidentEntity.find(node, portfolioId(i));
      if (candidate.ref.path().parent().equals(a.ref.path().parent())) {
        b = candidate;
      }
    }
    if (b == null) {
      throw new IllegalStateException("no second portfolio in the shard of " + a.entityId);
    }
    System.out.println();
    System.out.println("JOL: " + VM.current().details().trim().replace("\n", "; "));
    Predicate<Object> boundary = a.boundary();
    OwnedGraph shared = b.reach();
    System.out.println(Stats.fmt("one entity: %s, compared with %s of the same shard", a.entityId, b.entityId));
    System.out.println();
    System.out.println("  bytes  objects  item (each object charged to the first item that reaches it; totals after "
        + "their items)");
    OwnedGraph charged = fieldRows(a.state, PortfolioState.class, boundary, shared, "    PortfolioState.",
        Long.MAX_VALUE, Set.of());
    OwnedGraph state = charged.minus(shared);
    row("= PortfolioState (the journaled state)", state);
    Set<String> machinery = Set.of("context", "timers");
    OwnedGraph beforeBehaviour = charged;
    charged = fieldRows(a.portfolio, Portfolio.class, boundary, charged, "    Portfolio.", 1024, machinery);
    row("= Portfolio (the behaviour object and its transient fields; its actor context and timers below)",
        charged.minus(beforeBehaviour));
    // Walked after the rows: the entity keeps running its timers meanwhile (risk refreshes, marks), and a walk
    // taken now matches the rows better than one taken before them; what a tick replaced in between (a few
    // hundred bytes of figures) can still be counted twice.
    OwnedGraph owned = a.reach().minus(shared);
    OwnedGraph rest = owned.minus(charged);
    row("actor machinery (cell, mailbox, context, timers, Pekko's behaviour wrappers, the command handler "
        + "built per entity, Pekko's copy of the empty state)", rest);
    for (OwnedGraph.ClassRow r : rest.byClass().subList(0, Math.min(15, rest.byClass().size()))) {
      System.out.println(Stats.fmt("%7d  %7d      %s", r.bytes(), r.count(), r.name()));
    }
    System.out.println(Stats.fmt("%7d  %7d  = owned by the entity's actor (walked from its cell)", owned.bytes(),
        owned.count()));
    System.out.println(Stats.fmt("(references the walks could not read, JDK lambdas' captures: %d)",
        OwnedGraph.unreadable.sum()));

    System.out.println();
    System.out.println("JOL GraphLayout totals of self-contained parts (everything each reaches):");
    Object positions = OwnedGraph.read(a.state, PortfolioState.class.getDeclaredField("positions"));
    Object seen = OwnedGraph.read(a.state, PortfolioState.class.getDeclaredField("seenExecutions"));
    Object orderFlow = OwnedGraph.read(a.portfolio, Portfolio.class.getDeclaredField("orderFlow"));
    Object streaks = OwnedGraph.read(a.portfolio, Portfolio.class.getDeclaredField("streaks"));
    for (Object[] part : new Object[][] {{"PortfolioState.positions", positions},
        {"PortfolioState.seenExecutions", seen}, {"Portfolio.orderFlow", orderFlow}, {"Portfolio.streaks", streaks}}) {
      GraphLayout layout = GraphLayout.parseInstance(part[1]);
      System.out.println(Stats.fmt("%7d  %7d  %s", layout.totalSize(), layout.totalCount(), part[0]));
    }
    System.out.println();
    System.out.println("JOL footprint of PortfolioState.positions:");
    System.out.print(GraphLayout.parseInstance(positions).toFootprint());
    System.out.println("JOL footprint of PortfolioState.seenExecutions (the dedup window):");
    System.out.print(GraphLayout.parseInstance(seen).toFootprint());
  }

  private static void row(String label, OwnedGraph graph) {
    System.out.println(Stats.fmt("%7d  %7d  %s", graph.bytes(), graph.count(), label));
  }

  /**
   * A row per field of {@code owner} (declaration order), each net of everything charged before; fields holding
   * more than {@code expandAbove} bytes are broken down one level further; fields named in {@code skip} are left
   * for a later row. Returns everything charged so far.
   */
  private static OwnedGraph fieldRows(Object owner, Class<?> type, Predicate<Object> boundary, OwnedGraph charged,
      String prefix, long expandAbove, Set<String> skip) throws Exception {
    OwnedGraph self = OwnedGraph.walk(List.of(owner), o -> o != owner, charged);
    if (self.bytes() > 0) {
      System.out.println(Stats.fmt("%7d  %7d  %s(object header and fields)", self.bytes(), self.count(), prefix));
    }
    charged = charged.plus(self);
    // Superclasses' fields too: a behaviour's persistence id and supervisor strategy are held by its base class.
    for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
      String declaredBy = declaring == type ? "" : declaring.getSimpleName() + ".";
      for (Field f : declaring.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || skip.contains(f.getName())) {
          continue;
        }
        Object value = OwnedGraph.read(owner, f);
        if (value == null) {
          continue;
        }
        OwnedGraph graph = OwnedGraph.walk(List.of(value), boundary, charged);
        if (graph.count() == 0) {
          continue;
        }
        System.out.println(Stats.fmt("%7d  %7d  %s%s%s  [%s]", graph.bytes(), graph.count(), prefix, declaredBy,
            f.getName(), graph.topClasses(3)));
        if (graph.bytes() > expandAbove && !value.getClass().getName().startsWith("java.")) {
          fieldRows(value, value.getClass(), boundary, charged, prefix + f.getName() + ".", Long.MAX_VALUE,
              Set.of());
        }
        charged = charged.plus(graph);
      }
    }
    return charged;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
