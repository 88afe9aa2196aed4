package io.riskpulse.model.risk.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * Renders a {@link BacktestReport} as JSON with Jackson (already on this module's classpath through
 * pekko-serialization-jackson). Field names are the record components in declaration order; dates are ISO
 * strings ({@code "2020-03-16"}); the zone is its name ({@code "YELLOW"}). Thread-safe: the mapper is
 * configured once and never changed.
 */
public final class BacktestReportJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private BacktestReportJson() {}

  /** Compact JSON, one line. */
  public static String render(BacktestReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render backtest report as JSON", e);
    }
  }

  /** Indented JSON for people and files. */
  public static String renderPretty(BacktestReport report) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render backtest report as JSON", e);
    }
  }
}
