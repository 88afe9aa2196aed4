package io.riskpulse.node.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.portfolio.PortfolioState;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.persistence.audit.AuditJournal;
import io.riskpulse.persistence.audit.PortfolioReplay;
import io.riskpulse.persistence.audit.TimelineEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse audit replay}: a portfolio's state as of an instant, rebuilt from the journal, with the timeline
 * of events that led there and the state hash the live entity reports for the same journal position.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Rebuild a portfolio's state as of an instant from the journal and print the event timeline.",
        "Example: ./riskpulse audit replay --portfolio P1 --at 2026-11-26T10:15:00Z"})
public final class AuditReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JournalOptions journalOptions = new JournalOptions();

  @Option(names = "--portfolio", required = true, paramLabel = "ID", description = "The portfolio.")
  String portfolioId;

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "ISO-8601 instant (2026-11-26T10:15:00Z) or date (its start, UTC); default: now.")
  String at;

  @Option(names = "--version", paramLabel = "N",
      description = "Stop after journal event N: compare with `ctl portfolio audit-head`'s version and state hash.")
  Long maxVersion;

  @Option(names = "--json", description = "One JSON document instead of text.")
  boolean json;

  @Override
  public Integer call() {
    long asOf = at == null ? Long.MAX_VALUE : AuditTimes.start(spec, "--at", at);
    if (maxVersion != null && maxVersion < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--version must be 1 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AuditSession session = AuditSession.open(journalOptions)) {
      PortfolioReplay replay = new PortfolioReplay(portfolioId, asOf,
          maxVersion == null ? Long.MAX_VALUE : maxVersion, session.dedupWindow());
      replay.scopeEvents(session.await(session.journal().all(AuditJournal.killSwitchPersistenceId())));
      session.await(session.journal().forEach(AuditJournal.portfolioPersistenceId(portfolioId), replay::accept));
      PortfolioReplay.Result result = replay.result(session.serialization());
      if (result.timeline().isEmpty() && result.problems().isEmpty()) {
        err.println("error: portfolio '" + portfolioId + "' has no journaled events"
            + (at == null ? "" : " by " + at));
        return AuditExitCodes.NOT_FOUND;
      }
      if (json) {
        out.println(toJson(session.json(), result));
      } else {
        printText(out, result);
      }
      result.problems().forEach(problem -> err.println("error: " + problem));
      return result.problems().isEmpty() ? AuditExitCodes.OK : AuditExitCodes.PROBLEMS_FOUND;
    } catch (AuditSession.JournalUnavailable e) {
      err.println("error: " + e.getMessage());
      return AuditExitCodes.UNAVAILABLE;
    }
  }

  private static String asOfText(long asOfMillis) {
    return asOfMillis == Long.MAX_VALUE ? "now" : Instant.ofEpochMilli(asOfMillis).toString();
  }

  private static void printText(PrintWriter out, PortfolioReplay.Result result) {
    PortfolioState state = result.state();
    out.printf(Locale.ROOT, "Portfolio %s as of %s: %d events, journal version %d%n", result.portfolioId(),
        asOfText(result.asOfMillis()), result.timeline().size(), result.version());
    out.println("state hash " + result.stateHash());
    out.println();
    out.println("Timeline");
    out.printf(Locale.ROOT, "%-11s %6s  %-24s  %-18s  %s%n", "journal", "seq", "decided (UTC)", "event",
        "what happened");
    for (TimelineEntry entry : result.timeline()) {
      out.printf(Locale.ROOT, "%-11s %6d  %-24s  %-18s  %s%n", entry.source(), entry.sequenceNr(),
          Instant.ofEpochMilli(entry.atMillis()), entry.type(), entry.text());
    }
    out.println();
    out.println("State");
    out.printf(Locale.ROOT, "  status %s, desk %s, trader %s, %d executions, %d breaches so far%n", state.status(),
        state.desk(), state.trader(), state.executionCount(), state.breachCount());
    for (Map.Entry<String, Double> cash : state.cashByCurrency().entrySet()) {
      out.printf(Locale.ROOT, "  cash %s %,.2f%n", cash.getKey(), cash.getValue());
    }
    for (Position position : state.positions()) {
      out.printf(Locale.ROOT, "  position %-10s %,.4f at average cost %,.6f, realized P&L %,.2f%n",
          position.symbol(), position.quantity(), position.averageCost(), position.realizedPnl());
    }
    for (LimitBreach breach : state.activeBreaches().values()) {
      out.println("  breach open: " + breach.describe());
    }
    if (state.isHalted()) {
      out.println("  halted by " + state.haltedBy() + " at " + Instant.ofEpochMilli(state.haltedAtMillis()) + ": "
          + state.haltReason());
    }
    state.disabledStrategies().forEach((strategy, why) ->
        out.println("  strategy " + strategy + " disabled: " + why));
    for (ActiveHalt halt : result.scopeHalts()) {
      out.println("  kill switch in force: " + halt.describe());
    }
  }

  private static String toJson(ObjectMapper mapper, PortfolioReplay.Result result) {
    PortfolioState state = result.state();
    ObjectNode root = mapper.createObjectNode();
    root.put("portfolioId", result.portfolioId());
    root.put("asOf", asOfText(result.asOfMillis()));
    root.put("version", result.version());
    root.put("stateHash", result.stateHash());
    ObjectNode s = root.putObject("state");
    s.put("status", state.status() == null ? null : state.status().name());
    s.put("desk", state.desk());
    s.put("trader", state.trader());
    s.put("executionCount", state.executionCount());
    s.put("breachCount", state.breachCount());
    s.set("cashByCurrency", mapper.valueToTree(state.cashByCurrency()));
    s.set("positions", mapper.valueToTree(state.positions()));
    s.set("limits", mapper.valueToTree(state.limits()));
    s.set("activeBreaches", mapper.valueToTree(state.activeBreaches().values()));
    s.set("activeWarnings", mapper.valueToTree(state.activeWarnings().values()));
    s.put("haltedBy", state.haltedBy());
    s.put("haltReason", state.haltReason());
    s.set("disabledStrategies", mapper.valueToTree(state.disabledStrategies()));
    s.set("scopeHalts", mapper.valueToTree(result.scopeHalts()));
    ArrayNode timeline = root.putArray("timeline");
    for (TimelineEntry entry : result.timeline()) {
      ObjectNode e = timeline.addObject();
      e.put("source", entry.source());
      e.put("sequenceNr", entry.sequenceNr());
      e.put("atUtc", Instant.ofEpochMilli(entry.atMillis()).toString());
      e.put("journalUtc", entry.journalMillis() > 0 ? Instant.ofEpochMilli(entry.journalMillis()).toString() : "");
      e.put("type", entry.type());
      e.put("text", entry.text());
      e.put("hash", entry.hash());
    }
    root.set("problems", mapper.valueToTree(result.problems()));
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot print the replay as JSON", e);
    }
  }
}
