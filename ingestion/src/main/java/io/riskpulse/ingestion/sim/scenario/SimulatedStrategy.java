package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import java.util.Map;

/** A strategy (or an incident's misbehaviour) of a simulated portfolio, asked once per simulated second. */
interface SimulatedStrategy {

  /**
   * Sends the order flow of the second starting at {@code t0} (messages may be stamped later: a cancel or a fill
   * seconds ahead is queued and delivered in time order).
   *
   * @param quotes each instrument's quote at {@code t0}
   */
  void onSecond(long t0, Map<String, Quote> quotes, OrderSink sink);
}
