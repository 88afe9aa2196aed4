package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.GetAuditHeadRequest;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.api.v1.ListPortfoliosRequest;
import io.riskpulse.api.v1.WatchPortfolioRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse ctl portfolio show|list|watch|audit-head}: one portfolio, a desk's portfolios, a portfolio's
 * updates, where its journal stands.
 */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
    description = "Read a portfolio, list a desk's portfolios, or watch a portfolio's updates.")
public final class PortfolioCommand implements Runnable {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: show, list, watch or audit-head");
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "A portfolio's status, P&L, exposures, positions, risk, limits and breaches, marked to the "
          + "node's latest prices.")
  int show(@Parameters(paramLabel = "ID", description = "The portfolio's id.") String id) {
    GetPortfolioRequest request = GetPortfolioRequest.newBuilder().setPortfolioId(id).build();
    return ctl.call(spec).unary(clients -> clients.portfolios().getPortfolio(request), PortfolioView::portfolio);
  }

  @Command(name = "audit-head", mixinStandardHelpOptions = true,
      description = {"Where a portfolio's journal stands in the live node: version, state hash and chain head.",
          "An auditor compares it with ./riskpulse audit replay --portfolio ID --version <version> (docs/AUDIT.md)."})
  int auditHead(@Parameters(paramLabel = "ID", description = "The portfolio's id.") String id) {
    GetAuditHeadRequest request = GetAuditHeadRequest.newBuilder().setPortfolioId(id).build();
    return ctl.call(spec).unary(clients -> clients.portfolios().getAuditHead(request), PortfolioView::auditHead);
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "A desk's portfolios, one row each, sorted by id.")
  int list(@Option(names = "--desk", required = true, paramLabel = "DESK", description = "The desk.") String desk) {
    ListPortfoliosRequest request = ListPortfoliosRequest.newBuilder().setDesk(desk).build();
    return ctl.call(spec).unary(clients -> clients.portfolios().listPortfolios(request),
        response -> PortfolioView.list(desk, response));
  }

  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = {"A portfolio's figures now, then again whenever its journal grows or its figures move, each "
          + "with the journal changes since the previous one; until Ctrl-C or the stream ends.",
          "Resumable: pass the v<N> (\"version\") of the last update seen to --resume-after, and the updates "
              + "that follow carry every change after it, without a gap."})
  int watch(@Parameters(paramLabel = "ID", description = "The portfolio's id.") String id,
      @Option(names = "--resume-after", paramLabel = "VERSION", defaultValue = "0",
          description = "Version of the last update received; 0 (default) for a fresh watch (the journal from "
              + "its start follows the first update).") long resumeAfter,
      @Option(names = "--count", paramLabel = "N", defaultValue = "0",
          description = "Stop after N updates; 0 (default) for no bound.") long count) {
    if (count < 0 || resumeAfter < 0) {
      throw new ParameterException(spec.commandLine(), "--count and --resume-after must not be negative");
    }
    WatchPortfolioRequest request = WatchPortfolioRequest.newBuilder().setPortfolioId(id)
        .setResumeAfterVersion(resumeAfter).build();
    return ctl.call(spec).watch(clients -> clients.portfolios().watchPortfolio(request), count,
        PortfolioView::update);
  }
}
