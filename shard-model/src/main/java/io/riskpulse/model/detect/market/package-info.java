/**
 * Market-data and liquidity anomaly detectors: each node watches the market data it receives, and the portfolio
 * entities raise alerts ({@link io.riskpulse.model.detect.DetectionSignal}) for the instruments they hold.
 *
 * <ul>
 *   <li>{@link io.riskpulse.model.detect.market.SpreadMonitor} ({@code SPREAD}): relative spread
 *       {@code s = (ask − bid)/mid} against its EWMA mean μ and standard deviation σ; fires when {@code s > 3μ} and
 *       {@code (s − μ)/σ > 4}. Both, because spreads are tick-discrete (a z-score alone fires on two ticks in a
 *       one-tick market) and noisy (a ratio alone fires on ordinary doublings).
 *   <li>{@link io.riskpulse.model.detect.market.DepthMonitor} ({@code DEPTH}): quantity on the best 5 levels of both
 *       sides against its EWMA mean; fires below 20% of it (an 80% collapse; ordinary depth noise of a log sd of 0.3
 *       is five standard deviations from it).
 *   <li>{@link io.riskpulse.model.detect.market.Vpin} ({@code VPIN}): Easley, López de Prado and O'Hara (2012).
 *       Buckets of ADV/50; one-minute time bars classified by bulk volume classification
 *       {@code V_buy = V·Φ(ΔP/σ_ΔP)}; {@code VPIN = Σ|V_buy − V_sell| / (n·V_bucket)} over the last n = 50 buckets;
 *       fires when its percentile against its last 2,000 values exceeds 0.9, with at least 50 earlier values and
 *       VPIN ≥ 0.4 (the percentile alone is above 0.9 a tenth of the time by construction).
 *   <li>{@link io.riskpulse.model.detect.market.PriceJumpDetector} ({@code PRICE_JUMP}): log-return of the mid
 *       against an EWMA volatility per √second (intervals floored at 1 s); fires beyond 6σ, about once in 500
 *       million normal returns; the jump enters the volatility winsorised at 6σ so that a second jump is not masked;
 *       a jump stays a finding for 30 s.
 *   <li>{@link io.riskpulse.model.detect.market.StalenessMonitor} ({@code STALE_BOOK}): silence longer than
 *       {@code max(10 × the EWMA interval between updates, 2 s)}, judged at the reader's time, while the rest of
 *       the market kept updating for longer than that (a market falling silent together is closed, not stale).
 *   <li>{@link io.riskpulse.model.detect.market.CrossedBookMonitor} ({@code CROSSED_BOOK}): 5 or more crossed books
 *       refused by the market view within 10 s; one is a race between venues, five a broken feed.
 * </ul>
 *
 * <p>Every norm is an {@link io.riskpulse.model.detect.market.EwmaNorm} with a half-life counted in updates (300
 * quotes or books, 500 prices, 100 intervals, 1,000 VPIN bars), weights normalised so that there is no start-up
 * bias, and each kernel stays quiet through a warm-up. An anomalous observation is judged against the norm before
 * it and enters the norm winsorised at the band, so that an episode is reported while it lasts and a lasting change
 * of regime is learnt over a few half-lives.
 *
 * <p>The kernels are pure and deterministic (time comes from event timestamps, or from the {@code nowMillis} a
 * reader passes), bounded in memory, ignore NaN, infinite and non-positive inputs, and are not thread-safe on their
 * own; {@link io.riskpulse.model.detect.market.MarketSurveillance} is the node-wide, thread-safe facade holding one
 * set per instrument, configured by {@link io.riskpulse.model.detect.market.MarketSurveillanceSettings} from
 * {@code riskpulse.detection.market} (this module's reference.conf). Nothing here is journaled: after a restart the
 * norms warm up again.
 */
package io.riskpulse.model.detect.market;
