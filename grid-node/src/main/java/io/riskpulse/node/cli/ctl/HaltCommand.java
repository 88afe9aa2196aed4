package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.HaltRequest;
import io.riskpulse.api.v1.Scope;
import io.riskpulse.api.v1.ScopeKind;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code riskpulse ctl halt --scope KIND [--id ID] --reason TEXT}: stops trading in a scope. */
@Command(name = "halt", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Halts a scope: a portfolio stops accepting orders and its open orders are cancelled at the "
        + "OMS; a strategy, trader, desk, instrument or the firm goes through the kill switch.",
        "Needs a risk officer (or admin) of the desk; scopes wider than a desk need every desk.",
        "Exit 7 (FAILED_PRECONDITION) if the scope is already halted."})
public final class HaltCommand implements Callable<Integer> {

  /** The scopes a halt or a resume acts on: all of them. */
  static final Set<ScopeKind> SCOPES = Set.of(ScopeKind.PORTFOLIO, ScopeKind.STRATEGY, ScopeKind.TRADER,
      ScopeKind.DESK, ScopeKind.INSTRUMENT, ScopeKind.FIRM);

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;
  @Mixin ScopeOptions target;

  @Override
  public Integer call() {
    Scope scope = target.scope(SCOPES);
    HaltRequest request = HaltRequest.newBuilder().setScope(scope).setReason(target.reason).build();
    return ctl.call(spec).unary(clients -> clients.controls().halt(request),
        result -> ControlView.result("halt of " + ControlView.scope(scope), result));
  }
}
