package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy that goes rogue: the scenario a real-time risk system exists for (think of an algorithm deployed
 * with a stale flag that keeps sending parent orders).
 *
 * <p>Before {@code startStep} it is exactly its {@code normal} strategy (same fills, same ids). From
 * {@code startStep} on, the normal strategy is no longer called and every step fills one order in the same
 * direction on one instrument, each larger than the last: the k-th runaway fill (k = 0, 1, ...) is
 * {@code ceil(initialLots × growth^k)} lots, at the ask to buy or the bid to sell. With a growth of 1.25 the
 * runaway position is about 4 × 1.25^k initial clips after k steps, so it crosses any limit sized for the normal
 * strategy within a few dozen steps.
 *
 * <p>To keep the demo about limit breaches rather than numeric overflow, the runaway stops once one more fill
 * would take its own position's notional beyond {@link #MAX_POSITION_NOTIONAL} (far below the 10^15 at which
 * {@code ExecutionValidation} refuses fills as overflows). Execution ids follow the usual
 * {@code <portfolio>-<step>-<n>} scheme; ids never collide with the normal strategy's because the two never
 * trade in the same step. Deterministic; not thread-safe.
 */
public final class RunawayStrategy implements TradingStrategy {

  /** Position notional (price currency) at which the runaway stops adding. */
  public static final double MAX_POSITION_NOTIONAL = 1e12;

  private final TradingStrategy normal;
  private final Instrument target;
  private final Side side;
  private final long startStep;
  private final long initialLots;
  private final double growth;
  private long runawayFills;
  private long positionLots;
  private long lastStep = Long.MIN_VALUE;
  /** Set by {@link #fix()}: the runaway position is being unwound, then the normal strategy takes over again. */
  private boolean fixed;

  /**
   * @param normal the strategy it is before {@code startStep}; fixes the portfolio
   * @param target instrument it piles into
   * @param side direction it piles in
   * @param startStep first step at which it runs away
   * @param initialLots size of the first runaway fill, lots; &ge; 1
   * @param growth factor by which each runaway fill exceeds the previous one; &gt; 1
   */
  public RunawayStrategy(TradingStrategy normal, Instrument target, Side side, long startStep, long initialLots,
      double growth) {
    this.normal = Objects.requireNonNull(normal, "normal");
    this.target = Objects.requireNonNull(target, "target");
    this.side = Objects.requireNonNull(side, "side");
    if (initialLots < 1) {
      throw new IllegalArgumentException("initialLots must be >= 1, was " + initialLots);
    }
    if (!(growth > 1) || Double.isInfinite(growth)) {
      throw new IllegalArgumentException("growth must be a finite number > 1, was " + growth);
    }
    this.startStep = startStep;
    this.initialLots = initialLots;
    this.growth = growth;
  }

  /**
   * {@code runaway(<normal name>)}. Fills carry the normal strategy's name before {@code startStep} and
   * {@code runaway} from it on, as an OMS would tag the algorithm that sent each order.
   */
  @Override
  public String name() {
    return "runaway(" + normal.name() + ")";
  }

  @Override
  public String portfolioId() {
    return normal.portfolioId();
  }

  public long startStep() {
    return startStep;
  }

  /** Whether it behaves as a runaway at this step. */
  public boolean isRunningAway(long step) {
    return step >= startStep && !fixed;
  }

  /**
   * A person fixed the algorithm: from the next step it unwinds what it piled up, in the opposite direction, an
   * eighth of the runaway position per step (at least its initial clip), then trades as its normal strategy again.
   */
  public void fix() {
    fixed = true;
  }

  /** Lots of the runaway position not yet unwound (signed: positive long). */
  public long runawayPositionLots() {
    return positionLots;
  }

  public String symbol() {
    return target.symbol();
  }

  public Side side() {
    return side;
  }

  TradingStrategy normal() {
    return normal;
  }

  @Override
  public List<Execution> onQuotes(long step, Map<String, Quote> latest) {
    if (step <= lastStep) {
      throw new IllegalArgumentException(portfolioId() + ": step " + step + " does not follow step " + lastStep);
    }
    lastStep = step;
    if (fixed && positionLots != 0) {
      return unwind(step, latest);
    }
    if (!isRunningAway(step)) {
      return normal.onQuotes(step, latest);
    }
    Quote quote = latest.get(target.symbol());
    if (quote == null) {
      return List.of();
    }
    double price = StrategyBook.takerPrice(quote, side);
    if (!(price > 0) || Double.isInfinite(price)) {
      return List.of();
    }
    double wanted = Math.ceil(initialLots * Math.pow(growth, runawayFills));
    double lotNotional = target.lotSize() * price;
    double room = MAX_POSITION_NOTIONAL / lotNotional - Math.abs((double) positionLots);
    if (!(wanted <= room)) {
      return List.of();
    }
    long lots = (long) wanted;
    runawayFills++;
    positionLots += side == Side.BUY ? lots : -lots;
    return List.of(new Execution(portfolioId() + "-" + step + "-0", portfolioId(), "runaway", target.symbol(),
        side, lots * target.lotSize(), price, quote.timestampMillis()));
  }

  /** One unwinding fill against the runaway position, at the bid to sell or the ask to buy back. */
  private List<Execution> unwind(long step, Map<String, Quote> latest) {
    Quote quote = latest.get(target.symbol());
    Side back = positionLots > 0 ? Side.SELL : Side.BUY;
    double price = quote == null ? Double.NaN : StrategyBook.takerPrice(quote, back);
    if (!(price > 0) || Double.isInfinite(price)) {
      return List.of();
    }
    long lots = Math.min(Math.abs(positionLots), Math.max(initialLots, (long) Math.ceil(Math.abs(positionLots) / 8.0)));
    positionLots += back == Side.BUY ? lots : -lots;
    return List.of(new Execution(portfolioId() + "-" + step + "-0", portfolioId(), "runaway", target.symbol(),
        back, lots * target.lotSize(), price, quote.timestampMillis()));
  }
}
