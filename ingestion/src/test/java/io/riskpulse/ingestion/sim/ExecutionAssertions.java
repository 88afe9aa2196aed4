package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.ExecutionValidation;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The execution contract of {@link TradingStrategy}, checked fill by fill. */
final class ExecutionAssertions {

  private ExecutionAssertions() {}

  static void assertAllValid(Collection<Execution> executions, Collection<Instrument> instruments) {
    InstrumentRegistry registry = InstrumentRegistry.of(instruments);
    Set<String> ids = new HashSet<>();
    for (Execution e : executions) {
      Instrument instrument = registry.find(e.symbol()).orElse(null);
      assertNotNull(instrument, "unknown symbol in " + e);
      assertTrue(e.price() > 0 && Double.isFinite(e.price()), "price in " + e);
      assertTrue(e.quantity() > 0 && Double.isFinite(e.quantity()), "quantity in " + e);
      double lots = e.quantity() / instrument.lotSize();
      assertTrue(Math.abs(lots - Math.rint(lots)) < 1e-6 * Math.max(1, lots) && Math.rint(lots) >= 1,
          "quantity not a whole number of lots of " + instrument.lotSize() + " in " + e);
      assertTrue(ids.add(e.executionId()), "duplicate id " + e.executionId());
      assertTrue(e.executionId().matches(java.util.regex.Pattern.quote(e.portfolioId()) + "-\\d+-\\d+"),
          "id scheme <portfolio>-<step>-<n>: " + e.executionId());
      assertNull(ExecutionValidation.validate(e, e.portfolioId(), registry, s -> 0), "edge validation of " + e);
    }
  }
}
