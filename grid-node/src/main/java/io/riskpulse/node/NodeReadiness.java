package io.riskpulse.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * Whether this node finished starting ({@link Main#init} returned: journal schema, shard regions, ingestion, APIs),
 * as the management readiness check ({@code GET /ready}) reports it next to pekko-management's own cluster
 * membership check. One per actor system; thread-safe (an atomic flag).
 */
public final class NodeReadiness implements Extension {

  private static final Id ID = new Id();

  private final AtomicBoolean started = new AtomicBoolean();

  /** This system's readiness. */
  public static NodeReadiness get(ActorSystem system) {
    return ID.get(system);
  }

  /** Marks the node started. */
  void started() {
    started.set(true);
  }

  /** Whether the node finished starting. */
  public boolean isStarted() {
    return started.get();
  }

  /** The extension's id. */
  private static final class Id extends AbstractExtensionId<NodeReadiness> {
    @Override
    public NodeReadiness createExtension(ExtendedActorSystem system) {
      return new NodeReadiness();
    }
  }

  /**
   * The readiness check pekko-management instantiates ({@code riskpulse-node-started} in management.conf): ready
   * once {@link Main#init} has finished.
   */
  public static final class Check implements Supplier<CompletionStage<Boolean>> {

    private final NodeReadiness readiness;

    public Check(ActorSystem system) {
      this.readiness = NodeReadiness.get(system);
    }

    @Override
    public CompletionStage<Boolean> get() {
      return CompletableFuture.completedFuture(readiness.isStarted());
    }
  }
}
