package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.risk.live.RiskMeasures;
import java.util.List;

/**
 * The answer to a {@link PortfolioCommand.WhatIf}: the portfolio's risk and exposures now, and as they would be if
 * the signed quantity changes were traded at the current marks, with the continuous limits it would then breach.
 * Nothing was journaled or changed to compute it. Amounts in the reporting currency; immutable.
 *
 * <p>On a rejection (invalid input, an unopened portfolio, a portfolio that did not answer) nothing was computed:
 * {@code rejection} says why, both risk figures are {@link RiskMeasures#unavailable unavailable} for that reason,
 * every exposure is NaN and there are no breaches.
 *
 * @param portfolioId the portfolio asked
 * @param rejection why nothing was computed, naming the problem (e.g. the unknown instrument); {@code ""} when the
 *     figures were computed
 * @param before the live risk figures now (VaR 99%, ES 97.5%, worst stress loss, days to liquidate), as the
 *     portfolio's snapshot shows them
 * @param after the same figures with the changes traded, stress always computed; NaN where the book after the
 *     changes cannot be valued, as {@link RiskMeasures} says
 * @param grossExposureBefore Σ |notional| of the positions now, reporting currency (the snapshot's valuation)
 * @param grossExposureAfter Σ |notional| with the changed quantities; NaN when a changed position left open has no
 *     mark price or FX rate (see {@link PortfolioCommand.WhatIf})
 * @param netExposureBefore Σ signed notional now, reporting currency
 * @param netExposureAfter Σ signed notional with the changed quantities; NaN as the gross
 * @param breachesAfter the continuous limits the portfolio would be in breach of after the trades, judged as the
 *     portfolio judges its own (see {@link PortfolioCommand.WhatIf}), each with the value it would have; empty
 *     when none
 * @param reportingCurrency ISO currency of every amount; {@code ""} when the portfolio did not answer
 * @param asOfMillis when the figures were computed (or the rejection decided), epoch milliseconds
 */
public record WhatIfResult(
    String portfolioId,
    String rejection,
    RiskMeasures before,
    RiskMeasures after,
    double grossExposureBefore,
    double grossExposureAfter,
    double netExposureBefore,
    double netExposureAfter,
    List<LimitBreach> breachesAfter,
    String reportingCurrency,
    long asOfMillis)
    implements CborSerializable {

  public WhatIfResult {
    portfolioId = portfolioId == null ? "" : portfolioId;
    rejection = rejection == null ? "" : rejection;
    breachesAfter = breachesAfter == null ? List.of() : List.copyOf(breachesAfter);
    reportingCurrency = reportingCurrency == null ? "" : reportingCurrency;
  }

  /** Nothing computed, because of {@code rejection} (a blank one reads {@code "rejected"}). */
  public static WhatIfResult rejected(String portfolioId, String rejection, String reportingCurrency,
      long asOfMillis) {
    String why = rejection == null || rejection.isBlank() ? "rejected" : rejection;
    RiskMeasures none = RiskMeasures.unavailable(why, asOfMillis);
    return new WhatIfResult(portfolioId, why, none, none, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        List.of(), reportingCurrency, asOfMillis);
  }

  /** Whether the figures were computed (no rejection). */
  public boolean computed() {
    return rejection.isEmpty();
  }
}
