package io.riskpulse.gateway.http;

import io.riskpulse.gateway.halt.OmsDeliveries;
import io.riskpulse.gateway.halt.OmsGatewayCommand;
import io.riskpulse.gateway.halt.OmsGatewayCommand.GetDeliveries;
import io.riskpulse.model.halt.HaltView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The read-only HTTP JSON view of halts:
 *
 * <ul>
 *   <li>{@code GET /halts}: the kill-switch halts in force as this node knows them (strategy, trader, desk,
 *       instrument, firm; portfolio halts are in each portfolio's view), and whether the node's view is
 *       synchronised (pre-trade checks reject while it is not);
 *   <li>{@code GET /oms/halts}: every halt the OMS gateway has taken and, per OMS endpoint, whether it was sent,
 *       acknowledged (with the OMS's answer) or failed;
 *   <li>{@code GET /oms/deliveries}: the same for halts and approved rebalances (orders entered at the OMSs).
 * </ul>
 *
 * A gateway that does not answer within the timeout is 503.
 */
public final class HaltHttpRoutes extends JsonRoutes {

  private final HaltView halts;
  private final ActorRef<OmsGatewayCommand> gateway;
  private final Scheduler scheduler;
  private final Duration timeout;

  public HaltHttpRoutes(HaltView halts, ActorRef<OmsGatewayCommand> gateway, Scheduler scheduler, Duration timeout) {
    this.halts = halts;
    this.gateway = gateway;
    this.scheduler = scheduler;
    this.timeout = timeout;
  }

  public Route routes() {
    return handleExceptions(errors(), () -> concat(
        path("halts", () -> get(() -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("synchronised", halts.synchronised());
          body.put("unsynchronisedReason", halts.unsynchronisedReason());
          body.put("halts", halts.all());
          return ok(body);
        })),
        path(org.apache.pekko.http.javadsl.server.PathMatchers.segment("oms").slash("halts"), () -> get(() ->
            onSuccess(AskPattern.<OmsGatewayCommand, OmsDeliveries>ask(gateway, GetDeliveries::new, timeout,
                scheduler), deliveries -> ok(deliveries.halts())))),
        path(org.apache.pekko.http.javadsl.server.PathMatchers.segment("oms").slash("deliveries"), () -> get(() ->
            onSuccess(AskPattern.<OmsGatewayCommand, OmsDeliveries>ask(gateway, GetDeliveries::new, timeout,
                scheduler), deliveries -> ok(deliveries.deliveries()))))));
  }

  @Override
  protected String unavailableMessage() {
    return "OMS gateway unavailable (timeout)";
  }
}
