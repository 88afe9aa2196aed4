package io.riskpulse.model.alert;

import io.riskpulse.model.alert.AlertSignal.Type;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyDetected;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitWarned;
import io.riskpulse.model.portfolio.PortfolioEvent.Resumed;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyDisabled;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyEnabled;
import io.riskpulse.model.portfolio.PortfolioEvent.WarningCleared;
import java.util.List;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * Signals of the portfolios' {@link Portfolio#ALERT_TAG} events: breaches (continuous ones by episode,
 * per-order/per-fill ones as {@link Type#EXECUTION_BREACHED}), warnings, halts and resumes, the strategy
 * throttle, detectors' anomaly episodes. The scope is {@code PORTFOLIO:<id>}, the id taken from the persistence id {@code Portfolio|<id>}.
 * Stateless and thread-safe.
 */
public final class PortfolioAlertSource implements AlertSource {

  @Override
  public String tag() {
    return Portfolio.ALERT_TAG;
  }

  @Override
  public List<AlertSignal> signals(String persistenceId, long sequenceNr, Object event) {
    String scope = HaltScope.portfolio(portfolioId(persistenceId)).toString();
    SourceRef source = new SourceRef(persistenceId, sequenceNr);
    if (event instanceof LimitBreached breached) {
      LimitBreach breach = breached.breach();
      Type type = breach.kind().continuous() ? Type.LIMIT_BREACHED : Type.EXECUTION_BREACHED;
      return List.of(new AlertSignal(type, scope, breach.key(), trigger(breach), "", source));
    } else if (event instanceof LimitWarned warned) {
      LimitBreach warning = warned.warning();
      return List.of(new AlertSignal(Type.LIMIT_WARNED, scope, warning.key(), trigger(warning), "", source));
    } else if (event instanceof LimitCleared cleared) {
      return List.of(new AlertSignal(Type.LIMIT_CLEARED, scope, cleared.key(),
          Trigger.of(kindOf(cleared.key()), "back within the limit", cleared.atMillis()), "", source));
    } else if (event instanceof WarningCleared cleared) {
      return List.of(new AlertSignal(Type.WARNING_CLEARED, scope, cleared.key(),
          Trigger.of(kindOf(cleared.key()), "back below the warning level", cleared.atMillis()), "", source));
    } else if (event instanceof Halted halted) {
      return List.of(new AlertSignal(Type.HALTED, scope, halted.haltId() == null ? "" : halted.haltId(),
          Trigger.of("HALT", halted.reason(), halted.atMillis()), halted.by(), source));
    } else if (event instanceof Resumed resumed) {
      return List.of(new AlertSignal(Type.RESUMED, scope, "",
          Trigger.of("HALT", resumed.reason(), resumed.atMillis()), resumed.by(), source));
    } else if (event instanceof AnomalyDetected detected) {
      DetectionSignal finding = detected.signal();
      String detail = finding.explanation() + (finding.attribution().isEmpty() ? ""
          : "; attribution " + finding.attribution()) + "; action " + detected.action();
      return List.of(new AlertSignal(Type.ANOMALY_DETECTED, scope, finding.key(), new Trigger(
          "ANOMALY_" + finding.detector(), symbolOf(finding), finding.score(), finding.threshold(), detail,
          detected.atMillis()), "", source));
    } else if (event instanceof AnomalyCleared cleared) {
      return List.of(new AlertSignal(Type.ANOMALY_CLEARED, scope, cleared.key(),
          Trigger.of("ANOMALY", cleared.reason(), cleared.atMillis()), "", source));
    } else if (event instanceof StrategyDisabled disabled) {
      return List.of(new AlertSignal(Type.STRATEGY_DISABLED, scope, disabled.strategy(),
          Trigger.of("STRATEGY", disabled.reason(), disabled.atMillis()), "", source));
    } else if (event instanceof StrategyEnabled enabled) {
      return List.of(new AlertSignal(Type.STRATEGY_ENABLED, scope, enabled.strategy(),
          Trigger.of("STRATEGY", enabled.reason(), enabled.atMillis()), enabled.by(), source));
    }
    return List.of();
  }

  /** The instrument a market finding is about; {@code ""} for findings about a strategy or a rule. */
  private static String symbolOf(DetectionSignal finding) {
    switch (finding.detector()) {
      case SLIPPAGE:
      case VOLUME_SHARE:
      case SPREAD:
      case DEPTH:
      case VPIN:
      case PRICE_JUMP:
      case STALE_BOOK:
      case CROSSED_BOOK:
        return finding.subject();
      default:
        return "";
    }
  }

  private static Trigger trigger(LimitBreach breach) {
    return new Trigger(breach.kind().name(), breach.symbol(), breach.value(), breach.limit(), breach.detail(),
        breach.atMillis());
  }

  /** The kind named by a breach key ({@code POSITION_NOTIONAL:SPY} is POSITION_NOTIONAL). */
  private static String kindOf(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }

  /** {@code P1} from {@code Portfolio|P1}; the whole id when it has no entity-type prefix. */
  static String portfolioId(String persistenceId) {
    String prefix = Portfolio.ENTITY_KEY.name() + PersistenceId.DefaultSeparator();
    return persistenceId.startsWith(prefix) ? persistenceId.substring(prefix.length()) : persistenceId;
  }
}
