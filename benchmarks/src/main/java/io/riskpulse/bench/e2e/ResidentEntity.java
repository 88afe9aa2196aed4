package io.riskpulse.bench.e2e;

import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioEnvironment;
import io.riskpulse.model.portfolio.PortfolioState;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pekko.actor.ActorCell;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorRefWithCell;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * One portfolio entity as it sits in this JVM: its actor (the classic {@link ActorCell} under the shard), the
 * {@link Portfolio} behaviour object, its live {@link PortfolioState}, and the boundary that separates what the
 * entity owns from what the node shares.
 *
 * <p>How it is found: the entity's actor is resolved by its path under the shard region
 * ({@code /system/sharding/Portfolio/<shard>/<id>}); from its cell, the objects the actor reaches without
 * crossing the node boundary are walked ({@link OwnedGraph}), and the {@code Portfolio} and the opened
 * {@code PortfolioState} are picked out of them. This reads Pekko's internals by reflection (a benchmark, not
 * product code): a Pekko upgrade that renames nothing public keeps it working, one that changes how a typed actor
 * holds its behaviour may need the boundary adjusted, and the walk fails loudly rather than count the whole heap.
 *
 * <p>The boundary ({@link #boundary}): the actor system, every other actor (cells and references, including the
 * shard and the journal), dispatchers, schedulers, extensions, loggers, configuration, classes and class loaders,
 * the {@link PortfolioEnvironment} and each of its members (market view, instruments, risk model, detection
 * settings, ...). The entity's own cell and reference are inside.
 *
 * <p>Thread-safety: reads an actor's objects from another thread; use on an entity that is not processing a
 * message (the harness measures after every reply has arrived; timers may still tick, which changes only
 * transient figures).
 */
final class ResidentEntity {

  final String entityId;
  final ActorRef ref;
  final ActorCell cell;
  final Portfolio portfolio;
  final PortfolioState state;
  private final Set<Object> nodeObjects;

  private ResidentEntity(String entityId, ActorRef ref, ActorCell cell, Portfolio portfolio, PortfolioState state,
      Set<Object> nodeObjects) {
    this.entityId = entityId;
    this.ref = ref;
    this.cell = cell;
    this.portfolio = portfolio;
    this.state = state;
    this.nodeObjects = nodeObjects;
  }

  /** Resolves the entity's actor on this node and finds its behaviour object and its opened state. */
  static ResidentEntity find(BenchNode node, String entityId) throws Exception {
    ActorRef ref = BenchNode.await(node.system.classicSystem()
        .actorSelection("/system/sharding/" + Portfolio.ENTITY_KEY.name() + "/*/"
            + URLEncoder.encode(entityId, StandardCharsets.UTF_8))
        .resolveOne(Duration.ofSeconds(10)), 15);
    ActorCell cell = (ActorCell) ((ActorRefWithCell) ref).underlying();
    OwnedGraph reach = OwnedGraph.walk(List.of(cell), boundary(cell, ref, Set.of()), OwnedGraph.empty());
    Portfolio portfolio = null;
    PortfolioState state = null;
    for (Object o : reach.objects()) {
      if (o instanceof Portfolio) {
        if (portfolio != null && portfolio != o) {
          throw new IllegalStateException(entityId + ": two Portfolio objects reachable from one actor");
        }
        portfolio = (Portfolio) o;
      } else if (o instanceof PortfolioState && ((PortfolioState) o).isOpen()) {
        PortfolioState candidate = (PortfolioState) o;
        if (state == null || candidate.executionCount() > state.executionCount()) {
          state = candidate;
        }
      }
    }
    if (portfolio == null || state == null) {
      throw new IllegalStateException(entityId + ": behaviour or opened state not found from its actor ("
          + reach.count() + " objects reached; largest: " + reach.topClasses(8) + ")");
    }
    PortfolioEnvironment env = (PortfolioEnvironment) field(portfolio, Portfolio.class, "env");
    Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
    shared.add(env);
    for (RecordComponent component : PortfolioEnvironment.class.getRecordComponents()) {
      Object member = component.getAccessor().invoke(env);
      if (member != null) {
        shared.add(member);
      }
    }
    return new ResidentEntity(entityId, ref, cell, portfolio, state, shared);
  }

  /** Everything this entity's actor reaches inside the boundary, shared leftovers included. */
  OwnedGraph reach() {
    return OwnedGraph.walk(List.of(cell), boundary(), OwnedGraph.empty());
  }

  /** Which objects are the node's, not this entity's: neither counted nor entered. */
  Predicate<Object> boundary() {
    return boundary(cell, ref, nodeObjects);
  }

  private static Predicate<Object> boundary(ActorCell ownCell, ActorRef ownRef, Set<Object> nodeObjects) {
    return o -> {
      if (o == ownCell || o == ownRef) {
        return false;
      }
      if (o instanceof org.apache.pekko.actor.typed.ActorRef) {
        return Adapter.toClassic((org.apache.pekko.actor.typed.ActorRef<?>) o) != ownRef;
      }
      return nodeObjects.contains(o)
          || o instanceof org.apache.pekko.actor.ActorRef
          || o instanceof org.apache.pekko.actor.Cell
          || o instanceof org.apache.pekko.actor.ActorSystem
          || o instanceof org.apache.pekko.actor.typed.ActorSystem
          || o instanceof org.apache.pekko.actor.ActorRefProvider
          || o instanceof org.apache.pekko.actor.Extension
          || o instanceof org.apache.pekko.actor.typed.Extension
          || o instanceof org.apache.pekko.actor.Scheduler
          || o instanceof org.apache.pekko.actor.typed.Scheduler
          || o instanceof org.apache.pekko.dispatch.MessageDispatcher
          || o instanceof org.apache.pekko.event.EventStream
          || o instanceof org.apache.pekko.event.LoggingAdapter
          || o instanceof org.apache.pekko.serialization.Serialization
          || o instanceof scala.concurrent.ExecutionContext
          || o instanceof java.util.concurrent.Executor
          || o instanceof com.typesafe.config.Config
          || o instanceof org.slf4j.Logger
          || o instanceof PortfolioEnvironment
          || o instanceof java.time.Clock
          || o instanceof Class
          || o instanceof ClassLoader
          || o instanceof Thread
          || o instanceof ThreadGroup;
    };
  }

  /** A field of {@code owner} declared by {@code declaring}, read whatever its access. */
  static Object field(Object owner, Class<?> declaring, String name) throws NoSuchFieldException {
    return OwnedGraph.read(owner, declaring.getDeclaredField(name));
  }
}
