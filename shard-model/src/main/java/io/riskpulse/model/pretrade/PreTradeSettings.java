package io.riskpulse.model.pretrade;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of the pre-trade check, from {@code riskpulse.pretrade} (see this module's reference.conf).
 *
 * @param askTimeout how long a caller waits for the portfolio's answer before treating its state as unavailable
 * @param rejectWhenUnavailable fail closed (the default): an unavailable portfolio rejects the order; when false,
 *     the order is accepted with a note saying it was not checked
 * @param maxPriceAge a reference price received longer ago than this on this node is stale and the check fails
 *     closed; {@link Duration#ZERO} disables the bound (e.g. for replays of history without a live feed)
 * @param inPlace whether a caller on the node where the portfolio's entity is resident judges the order on its own
 *     thread, under the entity's lock, instead of asking the entity (see {@code PreTradeGate}); the decision is the
 *     same, without a message and a thread hand-off each way. Off by default: it moves the check's work onto the
 *     caller's thread, which lengthens the tail when a few threads carry every order (an event loop of the gRPC
 *     API); see docs/PERFORMANCE.md section 22
 */
public record PreTradeSettings(Duration askTimeout, boolean rejectWhenUnavailable, Duration maxPriceAge,
    boolean inPlace) {

  /** reference.conf's values. */
  public static final PreTradeSettings DEFAULTS =
      new PreTradeSettings(Duration.ofMillis(500), true, Duration.ofSeconds(30), false);

  /** Settings whose callers always ask the entity (reference.conf's default). */
  public PreTradeSettings(Duration askTimeout, boolean rejectWhenUnavailable, Duration maxPriceAge) {
    this(askTimeout, rejectWhenUnavailable, maxPriceAge, false);
  }

  public static PreTradeSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.pretrade");
    String mode = c.getString("on-unavailable");
    if (!mode.equals("reject") && !mode.equals("accept")) {
      throw new IllegalArgumentException(
          "riskpulse.pretrade.on-unavailable must be reject or accept, was '" + mode + "'");
    }
    return new PreTradeSettings(c.getDuration("ask-timeout"), mode.equals("reject"), c.getDuration("max-price-age"),
        c.getBoolean("in-place"));
  }
}
