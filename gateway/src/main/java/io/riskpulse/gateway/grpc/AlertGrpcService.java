package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.AcknowledgeAlertRequest;
import io.riskpulse.api.v1.Alert;
import io.riskpulse.api.v1.AlertServicePowerApi;
import io.riskpulse.api.v1.AlertUpdate;
import io.riskpulse.api.v1.ListAlertsRequest;
import io.riskpulse.api.v1.ListAlertsResponse;
import io.riskpulse.api.v1.ResolveAlertRequest;
import io.riskpulse.api.v1.WatchAlertsRequest;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.alert.AlertClient;
import io.riskpulse.model.alert.AlertReply;
import io.riskpulse.model.alert.Incident;
import io.riskpulse.model.alert.IncidentFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * {@code riskpulse.v1.AlertService}: the firm's incidents as each principal may see them. An incident about a
 * portfolio belongs to the portfolio's desk, one about a desk to that desk; firm-wide and OMS incidents need
 * every desk. Acknowledging and resolving check the same before acting, and journal the principal. Thread-safe
 * (stateless).
 */
public final class AlertGrpcService implements AlertServicePowerApi {

  /** The most incidents one list returns: what the alert book answers at most. */
  static final int MAX_LIST = io.riskpulse.model.alert.AlertBook.MAX_LIST;
  private static final int DEFAULT_LIST = 100;

  private final Calls calls;
  private final AlertClient alerts;
  private final PortfolioDesks desks;
  private final Duration watchInterval;

  public AlertGrpcService(Calls calls, AlertClient alerts, PortfolioDesks desks, Duration watchInterval) {
    this.calls = calls;
    this.alerts = alerts;
    this.desks = desks;
    this.watchInterval = watchInterval;
  }

  @Override
  public CompletionStage<ListAlertsResponse> listAlerts(ListAlertsRequest in, Metadata metadata) {
    return calls.unary(Rpc.LIST_ALERTS, metadata, in, principal -> {
      if (in.getLimit() < 0 || in.getLimit() > MAX_LIST) {
        throw GrpcErrors.invalidArgument("limit", "must be between 0 (100) and " + MAX_LIST);
      }
      int limit = in.getLimit() == 0 ? DEFAULT_LIST : in.getLimit();
      return visible(principal, in.getUnresolvedOnly() ? IncidentFilter.OPEN : IncidentFilter.ALL)
          .thenApply(list -> ListAlertsResponse.newBuilder()
              .addAllAlerts(list.subList(0, Math.min(limit, list.size()))).build());
    });
  }

  /** The incidents the principal may see, newest first, at most {@link #MAX_LIST}. */
  private CompletionStage<List<Alert>> visible(Principal principal, IncidentFilter filter) {
    return alerts.incidents(filter, MAX_LIST).thenCompose(incidents -> {
      List<CompletableFuture<Optional<Alert>>> checks = new ArrayList<>();
      for (Incident incident : incidents.incidents()) {
        checks.add(sees(principal, incident).thenApply(ok -> ok ? Optional.of(ProtoMapper.alert(incident))
            : Optional.<Alert>empty()).toCompletableFuture());
      }
      return CompletableFuture.allOf(checks.toArray(new CompletableFuture<?>[0])).thenApply(done ->
          checks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    });
  }

  /** Whether the principal may see an incident, from its scope. */
  private CompletionStage<Boolean> sees(Principal principal, Incident incident) {
    if (principal.allDesks()) {
      return CompletableFuture.completedFuture(true);
    }
    String scope = incident.scope();
    if (scope.startsWith("DESK:")) {
      return CompletableFuture.completedFuture(principal.seesDesk(scope.substring("DESK:".length())));
    }
    if (scope.startsWith("PORTFOLIO:")) {
      return desks.deskOf(scope.substring("PORTFOLIO:".length()))
          .thenApply(desk -> desk.map(principal::seesDesk).orElse(false));
    }
    return CompletableFuture.completedFuture(false);
  }

  /**
   * The incident, if the principal may see it. Looked up among the unresolved incidents, then among the most
   * recent ones (the book lists at most {@link #MAX_LIST} of each); NOT_FOUND when in neither.
   */
  private CompletionStage<Incident> visibleIncident(Principal principal, String incidentId) {
    return find(IncidentFilter.OPEN, incidentId).thenCompose(open -> open.isPresent()
        ? CompletableFuture.completedFuture(open) : find(IncidentFilter.ALL, incidentId)).thenCompose(found -> {
      if (found.isEmpty()) {
        throw GrpcErrors.notFound("incident " + incidentId + " does not exist or is no longer listed");
      }
      return sees(principal, found.get()).thenApply(ok -> {
        if (!ok) {
          throw GrpcErrors.permissionDenied("not permitted for this principal");
        }
        return found.get();
      });
    });
  }

  private CompletionStage<Optional<Incident>> find(IncidentFilter filter, String incidentId) {
    return alerts.incidents(filter, MAX_LIST).thenApply(incidents -> incidents.incidents().stream()
        .filter(i -> i.incidentId().equals(incidentId)).findFirst());
  }

  @Override
  public Source<AlertUpdate, NotUsed> watchAlerts(WatchAlertsRequest in, Metadata metadata) {
    return calls.stream(Rpc.WATCH_ALERTS, metadata, principal -> {
      IncidentFilter filter = in.getUnresolvedOnly() ? IncidentFilter.OPEN : IncidentFilter.ALL;
      return Source.tick(Duration.ZERO, watchInterval, filter)
          .mapMaterializedValue(cancellable -> NotUsed.getInstance())
          .<List<Alert>>mapAsync(1, f -> visible(principal, f))
          .<Map<String, Alert>, Optional<AlertUpdate>>statefulMap(() -> null, AlertGrpcService::changed,
              last -> Optional.empty())
          .filter(Optional::isPresent)
          .map(Optional::get);
    });
  }

  /** The first list whole, then the incidents that are new or changed since the previous one. */
  private static Pair<Map<String, Alert>, Optional<AlertUpdate>> changed(Map<String, Alert> last, List<Alert> now) {
    Map<String, Alert> byId = new HashMap<>();
    now.forEach(alert -> byId.put(alert.getIncidentId(), alert));
    if (last == null) {
      return Pair.create(byId, Optional.of(AlertUpdate.newBuilder().addAllAlerts(now).setInitial(true).build()));
    }
    List<Alert> changed = now.stream().filter(alert -> !alert.equals(last.get(alert.getIncidentId()))).toList();
    return Pair.create(byId, changed.isEmpty() ? Optional.empty()
        : Optional.of(AlertUpdate.newBuilder().addAllAlerts(changed).build()));
  }

  @Override
  public CompletionStage<Alert> acknowledgeAlert(AcknowledgeAlertRequest in, Metadata metadata) {
    return calls.unary(Rpc.ACKNOWLEDGE_ALERT, metadata, in, principal -> {
      String id = Fields.id("incident_id", in.getIncidentId());
      return visibleIncident(principal, id)
          .thenCompose(incident -> alerts.acknowledge(id, principal.name()))
          .thenApply(AlertGrpcService::accepted);
    });
  }

  @Override
  public CompletionStage<Alert> resolveAlert(ResolveAlertRequest in, Metadata metadata) {
    return calls.unary(Rpc.RESOLVE_ALERT, metadata, in, principal -> {
      String id = Fields.id("incident_id", in.getIncidentId());
      String note = Fields.text("note", in.getNote());
      return visibleIncident(principal, id)
          .thenCompose(incident -> alerts.resolve(id, principal.name(), note))
          .thenApply(AlertGrpcService::accepted);
    });
  }

  private static Alert accepted(AlertReply reply) {
    var refused = GrpcErrors.refused(reply);
    if (refused != null) {
      throw refused;
    }
    return ProtoMapper.alert(reply.incident());
  }
}
