package io.riskpulse.model.risk;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;

/**
 * Marks and FX rates read from the node's market view, converting into one reporting currency with the FX
 * pairs it holds (see {@link FxRates}). Thread-safe: stateless over a thread-safe view.
 */
public final class ReportingPrices implements PriceSource {

  private final MarketView market;
  private final InstrumentRegistry instruments;
  private final String reportingCurrency;

  public ReportingPrices(MarketView market, InstrumentRegistry instruments, String reportingCurrency) {
    this.market = market;
    this.instruments = instruments;
    this.reportingCurrency = reportingCurrency;
  }

  @Override
  public double markPrice(String symbol) {
    return market.markPrice(symbol);
  }

  @Override
  public double fxToReporting(String symbol) {
    return instruments.find(symbol)
        .map(Instrument::currency)
        .map(this::currencyToReporting)
        .orElse(Double.NaN);
  }

  @Override
  public double currencyToReporting(String currency) {
    return FxRates.toReporting(currency, reportingCurrency, market::markPrice);
  }

  public String reportingCurrency() {
    return reportingCurrency;
  }
}
