package io.riskpulse.node.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code backtest} and {@code risk} share: results on the command's out writer, and user errors (a missing
 * or malformed file, an unknown symbol, dates outside the data) as one line on its err writer with exit code
 * {@link #EXIT_BAD_INPUT}, never a stack trace. Command-line syntax errors are picocli's (usage, exit 2 too).
 */
final class ReportCommandSupport {

  /** Exit code of a run refused for bad input; the same as picocli's usage errors. */
  static final int EXIT_BAD_INPUT = CommandLine.ExitCode.USAGE;

  private ReportCommandSupport() {}

  /**
   * Runs {@code body}, printing what it returns on out; a bad input is reported on err.
   *
   * <p>The inputs are files a person wrote, and the loaders and the risk kernels report what is wrong with them
   * as {@link IllegalArgumentException} ({@code file:line: reason}, "unknown symbol", "window longer than
   * history") or {@link UncheckedIOException} (unreadable file), so those are the user errors here. Anything
   * else is a bug and keeps picocli's handling (stack trace, exit 1).
   */
  static int run(CommandSpec spec, Callable<String> body) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String result;
    try {
      result = body.call();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("riskpulse " + spec.name() + ": " + e.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    out.print(result);
    if (!result.endsWith("\n")) {
      out.println();
    }
    out.flush();
    return CommandLine.ExitCode.OK;
  }
}
