package io.riskpulse.ingestion.sim.scenario;

/** The kinds of incident a scenario can inject, each a labelled ground truth for the detectors' evaluation. */
public enum IncidentType {
  /** One strategy suddenly sends tens of new orders per second, filled one way, for about a minute. */
  RUNAWAY_ALGO(false),
  /**
   * Spoofing-like layering: bursts of orders on one side away from the touch, cancelled within about 200 ms,
   * each followed by a fill on the other side.
   */
  LAYERING(false),
  /** One order about 100 times the strategy's usual size, filled far through the mid. */
  FAT_FINGER(false),
  /** An instrument's spread widens 5-10 times, its depth falls to a tenth and its volume turns one-sided. */
  LIQUIDITY_CRUNCH(true),
  /** An instrument's mid falls 5-8% within about two minutes, then recovers. */
  FLASH_CRASH(true),
  /** An instrument's feed falls silent (no quote, book or trade) for one to two minutes while the others carry on. */
  FEED_GAP(true),
  /** An instrument's feed sends crossed quotes (bid above ask), two to five a second, for 20-40 s. */
  CROSSED_FEED(true);

  private final boolean market;

  IncidentType(boolean market) {
    this.market = market;
  }

  /** Whether it happens to an instrument (every holder is affected) rather than to one portfolio's strategy. */
  public boolean market() {
    return market;
  }
}
