package io.riskpulse.node.cli.ctl;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse ctl}: a command-line client of the node's gRPC API (riskpulse.v1), one subcommand per thing
 * a desk head or risk officer does: read portfolios, desks and the firm, watch a portfolio, list and handle
 * alerts, halt and resume, set limits, check an order, run a what-if, check health. The options here say where
 * the node is and as whom to call it ({@link CtlConnection}: on the node's machine none is needed); output is
 * aligned text, or JSON with {@code --json}; exit codes in {@link CtlExitCodes}. See docs/CTL.md.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Command-line client of the node's gRPC API (riskpulse.v1).",
        "On the node's machine no option is needed: the port, the certificate and the local admin token are "
            + "found through the node's configuration and data dir.",
        "Examples: ./riskpulse ctl portfolio show P-1",
        "  ./riskpulse ctl --host risk1 --ca ca.pem --token-file me.token \\",
        "      halt --scope desk --id rates --reason \"loss limit\""},
    subcommands = {PortfolioCommand.class, DeskCommand.class, FirmCommand.class, AlertsCommand.class,
        HaltCommand.class, ResumeCommand.class, HaltsCommand.class, LimitsCommand.class, CheckOrderCommand.class,
        WhatIfCommand.class, RulesCommand.class, HealthCommand.class},
    footer = {"",
        "Exit codes:",
        "  0  done (a check-order ACCEPTED, a what-if even with breaches)",
        "  1  other failure",
        "  2  usage error, INVALID_ARGUMENT",
        "  3  NOT_FOUND",
        "  4  UNAUTHENTICATED, PERMISSION_DENIED",
        "  5  UNAVAILABLE, DEADLINE_EXCEEDED; health not SERVING",
        "  6  check-order REJECTED",
        "  7  FAILED_PRECONDITION (e.g. halting a halted scope)",
        "Failures print one line on stderr: error: <CODE>: <description>."})
public final class CtlCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "The node's address. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", paramLabel = "PORT",
      description = "The node's gRPC port. Default: the node's riskpulse.grpc.port (50051, or RISKPULSE_GRPC_PORT).")
  Integer port;

  @Option(names = "--plaintext", description = "No TLS (a node with riskpulse.grpc.tls.enabled = off). Default: "
      + "TLS, unless the node's configuration turns it off.")
  boolean plaintext;

  @Option(names = "--ca", paramLabel = "FILE", description = "PEM certificate (or CA) to trust. Default: the node's "
      + "riskpulse.grpc.tls.cert-file, else <data-dir>/grpc/tls/cert.pem (the node's self-signed one).")
  Path ca;

  @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token (visible to other users in the "
      + "process list: prefer --token-file or " + CtlConnection.TOKEN_ENV + ").")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token. Without "
      + "--token, --token-file and " + CtlConnection.TOKEN_ENV + ": <data-dir>/grpc/admin.token if it exists.")
  Path tokenFile;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "The node's data dir, where its certificate and "
      + "local admin token are. Default: the node's riskpulse.persistence.data-dir (RISKPULSE_DATA_DIR).")
  Path dataDir;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = CtlConverters.Durations.class,
      description = "How long a call may take (a watch: its first update), e.g. 500ms, 10s, 2m. "
          + "Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the API's messages as JSON (proto3 "
      + "JSON mapping; a watch prints one JSON object per line).")
  boolean json;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Where to connect and as whom, from these options, the environment and the node's configuration. */
  CtlConnection connection() {
    return CtlConnection.resolve(this, System.getenv());
  }

  /** A call made for the subcommand {@code subcommand} (whose writers it prints on). */
  CtlCall call(CommandSpec subcommand) {
    return new CtlCall(this, subcommand);
  }
}
