package io.riskpulse.node.cli.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskpulse.persistence.audit.AuditJournal;
import io.riskpulse.persistence.audit.ChainProblem;
import io.riskpulse.persistence.audit.ChainReport;
import io.riskpulse.persistence.audit.ChainVerifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse audit verify}: checks portfolios' journals against their hash chains and says which event was
 * altered, deleted, inserted or reordered. Prints each chain's head hash: keep it, a later verify must show a head
 * reached from it (a chain alone cannot show that its newest events were cut off).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Verify the hash chain of journals: every portfolio's and the kill switch's, or the portfolios "
        + "given with --portfolio.",
        "Exit code 1 when an event was altered, deleted, inserted or reordered.",
        "Example: ./riskpulse audit verify --portfolio P1"})
public final class AuditVerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JournalOptions journalOptions = new JournalOptions();

  @Option(names = "--portfolio", paramLabel = "ID", description = "A portfolio to verify; repeat for more.")
  List<String> portfolioIds;

  @Option(names = "--json", description = "One JSON document instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AuditSession session = AuditSession.open(journalOptions)) {
      boolean everything = portfolioIds == null || portfolioIds.isEmpty();
      List<String> ids = everything ? session.await(session.journal().portfolioIds()) : portfolioIds;
      List<ChainReport> reports = new ArrayList<>();
      for (String id : ids) {
        ChainReport report = verify(session, AuditJournal.portfolioPersistenceId(id));
        if (report.events() == 0) {
          err.println("error: portfolio '" + id + "' has no journaled events");
          return AuditExitCodes.NOT_FOUND;
        }
        reports.add(report);
      }
      if (everything) {
        ChainReport killSwitch = verify(session, AuditJournal.killSwitchPersistenceId());
        if (killSwitch.events() > 0) {
          reports.add(killSwitch);
        }
      }
      if (json) {
        out.println(toJson(session.json(), reports));
      } else {
        reports.forEach(report -> printText(out, report));
      }
      long broken = reports.stream().filter(report -> !report.intact()).count();
      if (broken > 0) {
        err.println("error: " + broken + " of " + reports.size() + " journals failed verification");
        return AuditExitCodes.PROBLEMS_FOUND;
      }
      return AuditExitCodes.OK;
    } catch (AuditSession.JournalUnavailable e) {
      err.println("error: " + e.getMessage());
      return AuditExitCodes.UNAVAILABLE;
    }
  }

  private static ChainReport verify(AuditSession session, String persistenceId) {
    ChainVerifier verifier = new ChainVerifier(persistenceId);
    session.await(session.journal().forEach(persistenceId, verifier::accept));
    return verifier.report();
  }

  private static void printText(PrintWriter out, ChainReport report) {
    out.printf(Locale.ROOT, "%s: %s, %d events (%d before the chain), last %d, head %s%n", report.persistenceId(),
        report.intact() ? "intact" : "FAILED", report.events(), report.unsealed(), report.lastSequenceNr(),
        report.headHash() == null ? "-" : report.headHash());
    for (ChainProblem problem : report.problems()) {
      out.printf(Locale.ROOT, "  %s at %d: %s%n", problem.kind(), problem.sequenceNr(), problem.detail());
    }
  }

  private static String toJson(ObjectMapper mapper, List<ChainReport> reports) {
    ArrayNode root = mapper.createArrayNode();
    for (ChainReport report : reports) {
      ObjectNode r = root.addObject();
      r.put("persistenceId", report.persistenceId());
      r.put("intact", report.intact());
      r.put("events", report.events());
      r.put("unsealed", report.unsealed());
      r.put("lastSequenceNr", report.lastSequenceNr());
      r.put("headHash", report.headHash());
      r.set("problems", mapper.valueToTree(report.problems()));
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the verification as JSON", e);
    }
  }
}
