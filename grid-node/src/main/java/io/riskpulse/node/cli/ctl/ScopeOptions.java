package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.Scope;
import io.riskpulse.api.v1.ScopeKind;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What a control acts on and why, shared (as a picocli mixin) by {@code halt}, {@code resume} and
 * {@code limits set}: {@code --scope KIND [--id ID] --reason TEXT}. The firm takes no id; every other scope
 * needs one. The node checks the rest (lengths, the principal's desks) and names the field when it refuses.
 */
public final class ScopeOptions {

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--scope", required = true, paramLabel = "KIND", converter = CtlConverters.ScopeKinds.class,
      description = "portfolio, strategy, trader, desk, instrument or firm (limits: portfolio, desk or firm).")
  ScopeKind kind;

  @Option(names = "--id", paramLabel = "ID",
      description = "The portfolio id, strategy, trader, desk or instrument; none for the firm.")
  String id;

  @Option(names = "--reason", required = true, paramLabel = "TEXT",
      description = "Why; journaled with your principal.")
  String reason;

  /** The scope, if its kind is one of {@code allowed}; a usage error otherwise, or when the id is wrong. */
  Scope scope(Set<ScopeKind> allowed) {
    if (!allowed.contains(kind)) {
      throw new ParameterException(command.commandLine(), "--scope " + name(kind) + " is not allowed here; use "
          + allowed.stream().sorted().map(ScopeOptions::name).collect(Collectors.joining(", ")));
    }
    if (kind == ScopeKind.FIRM && id != null) {
      throw new ParameterException(command.commandLine(), "--id is not used with --scope firm");
    }
    if (kind != ScopeKind.FIRM && (id == null || id.isBlank())) {
      throw new ParameterException(command.commandLine(), "--scope " + name(kind) + " needs --id");
    }
    return Scope.newBuilder().setKind(kind).setId(id == null ? "" : id).build();
  }

  private static String name(ScopeKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
