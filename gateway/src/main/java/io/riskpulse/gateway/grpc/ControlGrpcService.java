package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.CommandResult;
import io.riskpulse.api.v1.ControlServicePowerApi;
import io.riskpulse.api.v1.HaltRequest;
import io.riskpulse.api.v1.ListHaltsRequest;
import io.riskpulse.api.v1.ListHaltsResponse;
import io.riskpulse.api.v1.ResumeRequest;
import io.riskpulse.api.v1.Scope;
import io.riskpulse.api.v1.SetLimitsRequest;
import io.riskpulse.api.v1.SetRulesRequest;
import io.riskpulse.gateway.grpc.security.Access;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitchClient;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.halt.ScopeKind;
import io.riskpulse.model.limits.scope.ScopeLimitsClient;
import io.riskpulse.model.limits.scope.ScopeLimitsReply;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.Reply;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * {@code riskpulse.v1.ControlService}: limits, halts and resumes, journaled with the calling principal as their
 * author. A portfolio or desk scope needs that desk; wider scopes need every desk. Answers once the journal is
 * durable (the clients it is given are the node's durable ones). Thread-safe (stateless).
 */
public final class ControlGrpcService implements ControlServicePowerApi {

  private final Calls calls;
  private final PortfolioClient portfolios;
  private final PortfolioGrpcService portfolioService;
  private final KillSwitchClient killSwitch;
  private final ScopeLimitsClient scopeLimits;

  public ControlGrpcService(Calls calls, PortfolioClient portfolios, PortfolioGrpcService portfolioService,
      KillSwitchClient killSwitch, ScopeLimitsClient scopeLimits) {
    this.calls = calls;
    this.portfolios = portfolios;
    this.portfolioService = portfolioService;
    this.killSwitch = killSwitch;
    this.scopeLimits = scopeLimits;
  }

  /** The request's scope, checked against the principal: its desk, or every desk for wider scopes. */
  private static HaltScope scope(Principal principal, Rpc rpc, Scope scope) {
    String id = scope.getKind() == io.riskpulse.api.v1.ScopeKind.FIRM ? "" : Fields.id("scope.id", scope.getId());
    HaltScope result = switch (scope.getKind()) {
      case PORTFOLIO -> HaltScope.portfolio(id);
      case STRATEGY -> HaltScope.strategy(id);
      case TRADER -> HaltScope.trader(id);
      case DESK -> HaltScope.desk(id);
      case INSTRUMENT -> HaltScope.instrument(id);
      case FIRM -> HaltScope.FIRM;
      default -> throw GrpcErrors.invalidArgument("scope.kind", "required: PORTFOLIO, STRATEGY, TRADER, DESK, "
          + "INSTRUMENT or FIRM");
    };
    if (result.kind() == ScopeKind.DESK) {
      Access.requireDesk(principal, rpc, id);
    } else if (result.kind() != ScopeKind.PORTFOLIO) {
      Access.requireAllDesks(principal, rpc);
    }
    return result;
  }

  @Override
  public CompletionStage<CommandResult> setLimits(SetLimitsRequest in, Metadata metadata) {
    return calls.unary(Rpc.SET_LIMITS, metadata, in, principal -> {
      HaltScope scope = scope(principal, Rpc.SET_LIMITS, in.getScope());
      if (!in.hasLimits()) {
        throw GrpcErrors.invalidArgument("limits", "required (an empty message removes every limit)");
      }
      String reason = Fields.text("reason", in.getReason());
      return switch (scope.kind()) {
        case PORTFOLIO -> portfolioService.authorizedDesk(principal, Rpc.SET_LIMITS, scope.value())
            .thenCompose(desk -> portfolios.snapshot(scope.value()))
            .thenCompose(snapshot -> portfolios.setLimits(scope.value(),
                ProtoMapper.limits(in.getLimits(), snapshot.limits()), principal.name(), reason))
            .thenApply(reply -> result(reply, principal));
        case DESK, FIRM -> scopeLimits.set(scope, ProtoMapper.limits(in.getLimits(), null), principal.name(), reason)
            .thenApply(reply -> result(reply, principal));
        default -> throw GrpcErrors.invalidArgument("scope.kind", "limits are set on a PORTFOLIO, a DESK or the "
            + "FIRM");
      };
    });
  }

  @Override
  public CompletionStage<CommandResult> setRules(SetRulesRequest in, Metadata metadata) {
    return calls.unary(Rpc.SET_RULES, metadata, in, principal -> {
      String id = Fields.id("portfolio_id", in.getPortfolioId());
      String reason = Fields.text("reason", in.getReason());
      return portfolioService.authorizedDesk(principal, Rpc.SET_RULES, id)
          .thenCompose(desk -> portfolios.setRules(id, in.getRules(), principal.name(), reason))
          .thenApply(reply -> result(reply, principal));
    });
  }

  @Override
  public CompletionStage<CommandResult> halt(HaltRequest in, Metadata metadata) {
    return calls.unary(Rpc.HALT, metadata, in, principal -> {
      HaltScope scope = scope(principal, Rpc.HALT, in.getScope());
      String reason = Fields.text("reason", in.getReason());
      if (scope.kind() == ScopeKind.PORTFOLIO) {
        return portfolioService.authorizedDesk(principal, Rpc.HALT, scope.value())
            .thenCompose(desk -> portfolios.halt(scope.value(), principal.name(), reason))
            .thenApply(reply -> result(reply, principal));
      }
      return killSwitch.engage(scope, principal.name(), reason).thenApply(reply -> result(reply, principal));
    });
  }

  @Override
  public CompletionStage<CommandResult> resume(ResumeRequest in, Metadata metadata) {
    return calls.unary(Rpc.RESUME, metadata, in, principal -> {
      HaltScope scope = scope(principal, Rpc.RESUME, in.getScope());
      String reason = Fields.text("reason", in.getReason());
      if (scope.kind() == ScopeKind.PORTFOLIO) {
        return portfolioService.authorizedDesk(principal, Rpc.RESUME, scope.value())
            .thenCompose(desk -> portfolios.resume(scope.value(), principal.name(), reason))
            .thenApply(reply -> result(reply, principal));
      }
      return killSwitch.release(scope, principal.name(), reason).thenApply(reply -> result(reply, principal));
    });
  }

  @Override
  public CompletionStage<ListHaltsResponse> listHalts(ListHaltsRequest in, Metadata metadata) {
    return calls.unary(Rpc.LIST_HALTS, metadata, in, principal -> killSwitch.halts().thenApply(snapshot ->
        ListHaltsResponse.newBuilder().addAllHalts(snapshot.halts().stream()
            .filter(h -> h.scope().kind() != ScopeKind.DESK || principal.seesDesk(h.scope().value()))
            .map(ProtoMapper::halt).toList()).build()));
  }

  private static CommandResult result(Reply reply, Principal principal) {
    var refused = GrpcErrors.refused(reply);
    if (refused != null) {
      throw refused;
    }
    return CommandResult.newBuilder().setOutcome(reply.outcome().name()).setDetail(reply.detail())
        .setBy(principal.name()).build();
  }

  private static CommandResult result(KillSwitchReply reply, Principal principal) {
    var refused = GrpcErrors.refused(reply);
    if (refused != null) {
      throw refused;
    }
    String outcome = reply.outcome() == KillSwitchReply.Outcome.PENDING_APPROVAL ? "AWAITING_SECOND_APPROVER"
        : reply.outcome().name();
    return CommandResult.newBuilder().setOutcome(outcome).setHaltId(reply.haltId() == null ? "" : reply.haltId())
        .setDetail(reply.detail() == null ? "" : reply.detail()).setBy(principal.name()).build();
  }

  private static CommandResult result(ScopeLimitsReply reply, Principal principal) {
    var refused = GrpcErrors.refused(reply);
    if (refused != null) {
      throw refused;
    }
    return CommandResult.newBuilder().setOutcome(reply.outcome().name())
        .setDetail(reply.detail() == null ? "" : reply.detail()).setBy(principal.name()).build();
  }
}
