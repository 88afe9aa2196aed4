package io.riskpulse.node;

import io.riskpulse.gateway.halt.OmsGatewayCommand;
import io.riskpulse.gateway.oms.OmsEndpoint;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.halt.KillSwitchClient;
import io.riskpulse.model.limits.scope.ScopeLimitsClient;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The halting side of a node: the firm's kill switch, this node's view of the halts in force (read by every
 * pre-trade check), the OMS gateway (a cluster singleton; this is a proxy to it), the OMS endpoints this node
 * started for it, and the desk and firm limits, which halt their scope through the kill switch.
 */
public record HaltServices(KillSwitchClient killSwitch, HaltView halts, ActorRef<OmsGatewayCommand> omsGateway,
    List<OmsEndpoint> omsEndpoints, ScopeLimitsClient scopeLimits) {}
