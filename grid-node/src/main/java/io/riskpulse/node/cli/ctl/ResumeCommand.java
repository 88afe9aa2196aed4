package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.ResumeRequest;
import io.riskpulse.api.v1.Scope;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code riskpulse ctl resume --scope KIND [--id ID] --reason TEXT}: ends a halt. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Ends the halt of a scope. Needs a risk officer (or admin) of the desk; scopes wider than a desk "
        + "need every desk.",
        "Resuming the firm needs two different principals: the first answers AWAITING_SECOND_APPROVER (exit 0).",
        "Exit 3 (NOT_FOUND) or 7 (FAILED_PRECONDITION) if the scope is not halted."})
public final class ResumeCommand implements Callable<Integer> {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;
  @Mixin ScopeOptions target;

  @Override
  public Integer call() {
    Scope scope = target.scope(HaltCommand.SCOPES);
    ResumeRequest request = ResumeRequest.newBuilder().setScope(scope).setReason(target.reason).build();
    return ctl.call(spec).unary(clients -> clients.controls().resume(request),
        result -> ControlView.result("resume of " + ControlView.scope(scope), result));
  }
}
