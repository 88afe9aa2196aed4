package io.riskpulse.ingestion.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The market incidents of a day as distortions of the instruments' normal microstructure: a factor on the mid,
 * on the spread, on the book depth and on the traded volume, and the share of the volume that sells.
 *
 * <p><b>Liquidity crunch</b>, from onset for its duration: spread × {@code spreadFactor} (5-10), depth × 0.1,
 * volume × 2, 90% of it selling. <b>Flash crash</b>: the mid falls by {@code depth} (5-8%) along
 * {@code (t / fall)³} (slow, then accelerating: the steepest second is the last, 3·depth/fall), stays at the low
 * for {@code hold}, then recovers linearly over {@code recovery}; throughout, spread × 4, depth × 0.15, volume × 3,
 * 85% selling on the way down and 20% on the way up: liquidity withdrawing is what turns a sell-off into a crash
 * (in May 2010 the resting depth of the E-mini fell by more than 90%). <b>Feed gap</b>: the instrument's feed
 * sends nothing for its duration. <b>Crossed feed</b>: besides its normal quotes, {@code size} crossed quotes a
 * second. Stateless once built.
 */
final class MarketStress {

  /**
   * One market incident.
   *
   * @param startMillis onset, epoch milliseconds (a second boundary)
   * @param fallMillis flash crash: duration of the fall; crunch, feed gap, crossed feed: the whole duration
   *     (milliseconds)
   * @param holdMillis flash crash: time at the low (milliseconds); 0 for a crunch
   * @param recoveryMillis flash crash: time back to the undisturbed path (milliseconds); 0 for a crunch
   * @param size flash crash: the fall (fraction of the mid); crunch: the spread factor; crossed feed: crossed quotes
   *     a second; feed gap: unused
   */
  record Episode(IncidentType type, String symbol, long startMillis, long fallMillis, long holdMillis,
      long recoveryMillis, double size) {

    long endMillis() {
      return startMillis + fallMillis + holdMillis + recoveryMillis;
    }

    boolean active(String s, long t) {
      return symbol.equals(s) && t >= startMillis && t <= endMillis();
    }
  }

  private final List<Episode> episodes;

  MarketStress(List<Episode> episodes) {
    this.episodes = List.copyOf(episodes);
  }

  static MarketStress none() {
    return new MarketStress(new ArrayList<>());
  }

  /** The crunch or crash disturbing {@code symbol}'s microstructure at {@code t}, or null. */
  private Episode at(String symbol, long t) {
    for (Episode e : episodes) {
      if (e.active(symbol, t)
          && (e.type() == IncidentType.LIQUIDITY_CRUNCH || e.type() == IncidentType.FLASH_CRASH)) {
        return e;
      }
    }
    return null;
  }

  private Episode feedFault(IncidentType type, String symbol, long t) {
    for (Episode e : episodes) {
      if (e.type() == type && e.active(symbol, t)) {
        return e;
      }
    }
    return null;
  }

  /** Whether {@code symbol}'s feed is silent at {@code t} (a feed gap). */
  boolean silent(String symbol, long t) {
    return feedFault(IncidentType.FEED_GAP, symbol, t) != null;
  }

  /** How many crossed quotes {@code symbol}'s feed sends in the second starting at {@code t} (0 when healthy). */
  int crossedQuotes(String symbol, long t) {
    Episode e = feedFault(IncidentType.CROSSED_FEED, symbol, t);
    return e == null || t + 1000 > e.endMillis() ? 0 : (int) e.size(); // whole seconds within the episode
  }

  /** The factor on the undisturbed mid (1 outside a flash crash). */
  double midFactor(String symbol, long t) {
    Episode e = at(symbol, t);
    if (e == null || e.type() != IncidentType.FLASH_CRASH) {
      return 1;
    }
    long since = t - e.startMillis();
    double drop;
    if (since <= e.fallMillis()) {
      double u = (double) since / e.fallMillis();
      drop = e.size() * u * u * u;
    } else if (since <= e.fallMillis() + e.holdMillis()) {
      drop = e.size();
    } else {
      double u = (double) (since - e.fallMillis() - e.holdMillis()) / e.recoveryMillis();
      drop = e.size() * (1 - Math.min(1, u));
    }
    return 1 - drop;
  }

  /** The factor on the normal spread. */
  double spreadFactor(String symbol, long t) {
    Episode e = at(symbol, t);
    return e == null ? 1 : e.type() == IncidentType.LIQUIDITY_CRUNCH ? e.size() : 4;
  }

  /** The factor on the normal book depth. */
  double depthFactor(String symbol, long t) {
    Episode e = at(symbol, t);
    return e == null ? 1 : e.type() == IncidentType.LIQUIDITY_CRUNCH ? 0.1 : 0.15;
  }

  /** The factor on the normal trade rate. */
  double volumeFactor(String symbol, long t) {
    Episode e = at(symbol, t);
    return e == null ? 1 : e.type() == IncidentType.LIQUIDITY_CRUNCH ? 2 : 3;
  }

  /** The fraction of trades that sell, or NaN when undisturbed (trades then follow the tick rule). */
  double sellShare(String symbol, long t) {
    Episode e = at(symbol, t);
    if (e == null) {
      return Double.NaN;
    }
    if (e.type() == IncidentType.LIQUIDITY_CRUNCH) {
      return 0.9;
    }
    return t - e.startMillis() <= e.fallMillis() + e.holdMillis() ? 0.85 : 0.2;
  }
}
