package io.riskpulse.node.cli.audit;

import io.riskpulse.model.portfolio.PortfolioEvent.PortfolioOpened;
import io.riskpulse.persistence.audit.AuditExport;
import io.riskpulse.persistence.audit.AuditJournal;
import io.riskpulse.persistence.audit.ExportFormat;
import io.riskpulse.persistence.audit.JournalRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse audit export}: a portfolio's or a desk's journaled events decided within a date range, as CSV or
 * JSON lines (to stdout or a file).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a portfolio's or desk's events for a date range as CSV or JSON lines.",
        "Example: ./riskpulse audit export --desk equities --from 2026-11-26 --to 2026-11-26 --format csv"})
public final class AuditExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JournalOptions journalOptions = new JournalOptions();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Scope scope;

  /** {@code --portfolio P} or {@code --desk D}. */
  static final class Scope {
    @Option(names = "--portfolio", required = true, paramLabel = "ID", description = "One portfolio.")
    String portfolioId;

    @Option(names = "--desk", required = true, paramLabel = "DESK", description = "Every portfolio of a desk.")
    String desk;
  }

  @Option(names = "--from", paramLabel = "DATE|INSTANT",
      description = "First day (UTC) or instant exported, inclusive; default: the beginning.")
  String from;

  @Option(names = "--to", paramLabel = "DATE|INSTANT",
      description = "Last day (UTC, inclusive) or instant (exclusive); default: now.")
  String to;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "csv (default) or jsonl.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
  Path outFile;

  @Override
  public Integer call() throws IOException {
    ExportFormat exportFormat;
    try {
      exportFormat = ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format: '" + format + "' is not csv or jsonl");
    }
    long fromMillis = from == null ? Long.MIN_VALUE : AuditTimes.start(spec, "--from", from);
    long toMillis = to == null ? Long.MAX_VALUE : AuditTimes.endExclusive(spec, "--to", to);
    PrintWriter err = spec.commandLine().getErr();
    try (AuditSession session = AuditSession.open(journalOptions)) {
      List<String> ids = scope.portfolioId != null ? List.of(scope.portfolioId) : deskPortfolios(session);
      if (ids.isEmpty()) {
        err.println("error: desk '" + scope.desk + "' has no journaled portfolios");
        return AuditExitCodes.NOT_FOUND;
      }
      try (Writer out = outFile == null ? new NonClosing(spec.commandLine().getOut())
          : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        AuditExport export = new AuditExport(out, exportFormat, session.json(), fromMillis, toMillis);
        export.begin();
        for (String id : ids) {
          session.await(session.journal().forEach(AuditJournal.portfolioPersistenceId(id),
              record -> export.accept(id, record)));
        }
        out.flush();
        if (outFile != null) {
          err.println(export.written() + " events written to " + outFile);
        }
      }
      return AuditExitCodes.OK;
    } catch (AuditSession.JournalUnavailable e) {
      err.println("error: " + e.getMessage());
      return AuditExitCodes.UNAVAILABLE;
    }
  }

  /** The portfolios opened for the desk, by their first event. */
  private List<String> deskPortfolios(AuditSession session) {
    List<String> ids = new ArrayList<>();
    for (String id : session.await(session.journal().portfolioIds())) {
      List<JournalRecord> first = new ArrayList<>(1);
      session.await(session.journal().forEach(AuditJournal.portfolioPersistenceId(id), record -> {
        if (first.isEmpty()) {
          first.add(record);
        }
      }));
      if (!first.isEmpty() && first.get(0).event() instanceof PortfolioOpened opened
          && scope.desk.equals(opened.desk())) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** stdout stays open for picocli after the export. */
  private static final class NonClosing extends Writer {
    private final PrintWriter out;

    NonClosing(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      out.write(buffer, offset, length);
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      out.flush();
    }
  }
}
