package io.riskpulse.model.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A CSV text with a header line, the format of the instrument reference ({@link InstrumentRegistry}) and of the
 * files that add columns to it (the simulator's universe in {@code ingestion}), so that every such reader agrees
 * on it. Columns are found by their header name (trimmed, case-insensitive): their order is free and unknown
 * columns are ignored. Cells are split on every comma (no quoting) and trimmed; blank lines and lines starting
 * with {@code #} are skipped; a byte order mark before the header is dropped.
 *
 * <p>A malformed line fails the whole read with {@code <source>:<line>: <reason> in '<line>'}, where line 1 is
 * the header. Reads its {@link Reader} once, from one thread; not thread-safe.
 */
public final class CsvTable {

  /** One data line, its cells looked up by column name. Valid only during the row reader's call. */
  public static final class Row {

    private final Map<String, Integer> columns;
    private final int headerWidth;
    private final String[] cells;
    private final int lineNumber;

    private Row(Map<String, Integer> columns, int headerWidth, String[] cells, int lineNumber) {
      this.columns = columns;
      this.headerWidth = headerWidth;
      this.cells = cells;
      this.lineNumber = lineNumber;
    }

    /** This line's number in the text, the header being line 1. */
    public int lineNumber() {
      return lineNumber;
    }

    /** How many cells this line has more than the header has columns (0 when it has as many or fewer). */
    public int extraCells() {
      return Math.max(0, cells.length - headerWidth);
    }

    /**
     * The trimmed cell of a required column.
     *
     * @throws IllegalArgumentException when the column is absent from the header or the cell is missing or blank
     */
    public String cell(String column) {
      String value = cell(column, null);
      if (value == null) {
        throw new IllegalArgumentException("missing " + column + " (" + cells.length + " cells: "
            + Arrays.toString(cells) + ")");
      }
      return value;
    }

    /** The trimmed cell of an optional column; {@code fallback} when the column is absent or the cell blank. */
    public String cell(String column, String fallback) {
      Integer index = columns.get(column);
      if (index == null || index >= cells.length || cells[index].isBlank()) {
        return fallback;
      }
      return cells[index].trim();
    }
  }

  private final BufferedReader lines;
  private final String source;
  private final Map<String, Integer> columns;

  private CsvTable(BufferedReader lines, String source, Map<String, Integer> columns) {
    this.lines = lines;
    this.source = source;
    this.columns = columns;
  }

  /**
   * Reads the header line.
   *
   * @param source name of the source used in error messages
   * @param description what the text is, for the error on an empty text (e.g. {@code instrument file})
   * @param requiredColumns header names that must be present, lower case
   * @throws IllegalArgumentException {@code <source>: empty <description>} when there is no header line, or
   *     {@code <source>: header lacks required column '<name>'} for the first required column missing
   */
  public static CsvTable open(Reader reader, String source, String description, List<String> requiredColumns)
      throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String header = lines.readLine();
    if (header == null) {
      throw new IllegalArgumentException(source + ": empty " + description);
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1); // the byte order mark spreadsheet exports put before the header
    }
    Map<String, Integer> columns = new HashMap<>();
    String[] names = header.split(",", -1);
    for (int i = 0; i < names.length; i++) {
      columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
    }
    for (String required : requiredColumns) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException(source + ": header lacks required column '" + required + "'");
      }
    }
    return new CsvTable(lines, source, columns);
  }

  /**
   * Reads every remaining data line, in order, with {@code rowReader}.
   *
   * @return what {@code rowReader} made of each line
   * @throws IllegalArgumentException {@code <source>:<line>: <reason> in '<line>'} for the first line on which
   *     {@code rowReader} threw (the exception it threw is the cause)
   */
  public <T> List<T> rows(Function<Row, T> rowReader) throws IOException {
    int headerWidth = columns.values().stream().mapToInt(i -> i + 1).max().orElse(0);
    List<T> rows = new ArrayList<>();
    String line;
    int lineNumber = 1;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        rows.add(rowReader.apply(new Row(columns, headerWidth, line.split(",", -1), lineNumber)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ":" + lineNumber + ": " + e.getMessage() + " in '" + line + "'",
            e);
      }
    }
    return rows;
  }
}
