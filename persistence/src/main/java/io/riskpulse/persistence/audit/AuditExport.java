package io.riskpulse.persistence.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.portfolio.PortfolioEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Writes journaled portfolio events as CSV or JSON lines for other tools: one row per event decided within
 * {@code [fromMillis, toMillis)}, with its journal position, times (UTC, ISO-8601), type, one-line text and chain
 * hash. JSON lines also carry the whole event as the node journaled it.
 *
 * <p>Thread-safety: none; one export writes one stream.
 */
public final class AuditExport {

  /** The CSV header. */
  public static final String CSV_HEADER =
      "portfolio_id,sequence_nr,at_utc,journal_utc,type,hash,previous_hash,text";

  private final Writer out;
  private final ExportFormat format;
  private final ObjectMapper json;
  private final long fromMillis;
  private final long toMillis;
  private long written;

  /**
   * @param json writes the events of JSON lines (the journal's Jackson mapper, so fields read as they are stored)
   * @param fromMillis first instant exported, epoch milliseconds, inclusive
   * @param toMillis end, exclusive
   */
  public AuditExport(Writer out, ExportFormat format, ObjectMapper json, long fromMillis, long toMillis) {
    this.out = out;
    this.format = format;
    this.json = json;
    this.fromMillis = fromMillis;
    this.toMillis = toMillis;
  }

  /** Writes the header, if the format has one. */
  public void begin() {
    if (format == ExportFormat.CSV) {
      write(CSV_HEADER + "\n");
    }
  }

  /** Writes {@code record} of portfolio {@code portfolioId} if it was decided within the range. */
  public void accept(String portfolioId, JournalRecord record) {
    if (!(record.event() instanceof PortfolioEvent event)) {
      return; // unreadable: audit verify reports it
    }
    if (event.atMillis() < fromMillis || event.atMillis() >= toMillis) {
      return;
    }
    String hash = null;
    String previous = null;
    if (record.stored() instanceof ChainedEvent sealed) {
      hash = HexFormat.of().formatHex(sealed.hash());
      previous = HexFormat.of().formatHex(sealed.previousHash());
    }
    String type = event.getClass().getSimpleName();
    String at = Instant.ofEpochMilli(event.atMillis()).toString();
    String journal = record.journalMillis() > 0 ? Instant.ofEpochMilli(record.journalMillis()).toString() : "";
    String text = PortfolioEventText.describe(event);
    if (format == ExportFormat.CSV) {
      write(String.join(",", csv(portfolioId), Long.toString(record.sequenceNr()), at, journal, type,
          hash == null ? "" : hash, previous == null ? "" : previous, csv(text)) + "\n");
    } else {
      ObjectNode line = json.createObjectNode();
      line.put("portfolioId", portfolioId);
      line.put("sequenceNr", record.sequenceNr());
      line.put("atUtc", at);
      line.put("journalUtc", journal);
      line.put("type", type);
      line.put("hash", hash);
      line.put("previousHash", previous);
      line.put("text", text);
      line.set("event", json.valueToTree(event));
      try {
        write(json.writeValueAsString(line) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    written++;
  }

  /** Events written so far. */
  public long written() {
    return written;
  }

  /** {@code value} as one CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
  static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
