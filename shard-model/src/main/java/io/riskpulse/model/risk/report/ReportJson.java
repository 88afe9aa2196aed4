package io.riskpulse.model.risk.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * Renders a {@link RiskReport} or a {@link BacktestRun} as indented JSON with Jackson, in the convention of
 * {@code BacktestReportJson}: field names are the record components in declaration order, dates ISO strings,
 * enums their names, and a number the data cannot support (NaN) the string {@code "NaN"} next to a field that
 * says why. Thread-safe: the mapper is configured once and never changed.
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private ReportJson() {}

  public static String render(RiskReport report) {
    return write(report);
  }

  public static String render(BacktestRun run) {
    return write(run);
  }

  private static String write(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
