package io.riskpulse.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code riskpulse} command tree, as the launcher would run it: its exit code and what it
 * printed on stdout and stderr.
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code riskpulse args...} and captures its output. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new RiskpulseCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
