package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.Aggregate;
import io.riskpulse.api.v1.DeskServicePowerApi;
import io.riskpulse.api.v1.DeskUpdate;
import io.riskpulse.api.v1.GetDeskRequest;
import io.riskpulse.api.v1.GetFirmRequest;
import io.riskpulse.api.v1.Halt;
import io.riskpulse.api.v1.WatchDeskRequest;
import io.riskpulse.gateway.grpc.security.Access;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitchClient;
import io.riskpulse.model.halt.ScopeKind;
import io.riskpulse.model.limits.scope.ScopeLimitsClient;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * {@code riskpulse.v1.DeskService}: desk and firm aggregates with their own limits, and desk watches. The firm
 * needs a principal with every desk. Thread-safe (stateless).
 */
public final class DeskGrpcService implements DeskServicePowerApi {

  private final Calls calls;
  private final RiskAggregates aggregates;
  private final ScopeLimitsClient scopeLimits;
  private final KillSwitchClient killSwitch;
  private final Duration watchInterval;

  public DeskGrpcService(Calls calls, RiskAggregates aggregates, ScopeLimitsClient scopeLimits,
      KillSwitchClient killSwitch, Duration watchInterval) {
    this.calls = calls;
    this.aggregates = aggregates;
    this.scopeLimits = scopeLimits;
    this.killSwitch = killSwitch;
    this.watchInterval = watchInterval;
  }

  @Override
  public CompletionStage<Aggregate> getDesk(GetDeskRequest in, Metadata metadata) {
    return calls.unary(Rpc.GET_DESK, metadata, in, principal -> {
      String desk = Fields.id("desk", in.getDesk());
      Access.requireDesk(principal, Rpc.GET_DESK, desk);
      return desk(desk);
    });
  }

  private CompletionStage<Aggregate> desk(String desk) {
    return aggregates.desk(desk).thenCombine(scopeLimits.limits(HaltScope.desk(desk)), ProtoMapper::aggregate);
  }

  @Override
  public CompletionStage<Aggregate> getFirm(GetFirmRequest in, Metadata metadata) {
    return calls.unary(Rpc.GET_FIRM, metadata, in, principal -> {
      Access.requireAllDesks(principal, Rpc.GET_FIRM);
      return aggregates.firm().thenCombine(scopeLimits.limits(HaltScope.FIRM), ProtoMapper::aggregate);
    });
  }

  @Override
  public Source<DeskUpdate, NotUsed> watchDesk(WatchDeskRequest in, Metadata metadata) {
    return calls.stream(Rpc.WATCH_DESK, metadata, principal -> {
      String desk = Fields.id("desk", in.getDesk());
      Access.requireDesk(principal, Rpc.WATCH_DESK, desk);
      return Source.tick(Duration.ZERO, watchInterval, desk)
          .mapMaterializedValue(cancellable -> NotUsed.getInstance())
          .mapAsync(1, d -> desk(d).thenCombine(killSwitch.halts(), (aggregate, halts) ->
              DeskUpdate.newBuilder().setDesk(aggregate).addAllHalts(covering(d, halts.halts())).build()))
          .statefulMap(() -> Optional.<DeskUpdate>empty(), DeskGrpcService::next, last -> Optional.empty())
          .filter(Optional::isPresent)
          .map(Optional::get);
    });
  }

  /** Halts that stop the desk: its own and the firm's (instrument, trader and strategy halts cross desks). */
  private static List<Halt> covering(String desk, List<ActiveHalt> halts) {
    return halts.stream()
        .filter(h -> h.scope().kind() == ScopeKind.FIRM || h.scope().equals(HaltScope.desk(desk))
            || h.scope().kind() == ScopeKind.INSTRUMENT || h.scope().kind() == ScopeKind.TRADER
            || h.scope().kind() == ScopeKind.STRATEGY)
        .map(ProtoMapper::halt)
        .toList();
  }

  private static Pair<Optional<DeskUpdate>, Optional<DeskUpdate>> next(Optional<DeskUpdate> last, DeskUpdate now) {
    DeskUpdate comparable = withoutTimes(now);
    if (last.isPresent() && comparable.equals(last.get())) {
      return Pair.create(last, Optional.empty());
    }
    return Pair.create(Optional.of(comparable), Optional.of(now.toBuilder().setInitial(last.isEmpty()).build()));
  }

  private static DeskUpdate withoutTimes(DeskUpdate update) {
    return update.toBuilder().setDesk(update.getDesk().toBuilder().clearAsOfMillis()).build();
  }
}
