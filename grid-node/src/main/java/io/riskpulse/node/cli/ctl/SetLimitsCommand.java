package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.Limits;
import io.riskpulse.api.v1.Scope;
import io.riskpulse.api.v1.ScopeKind;
import io.riskpulse.api.v1.SetLimitsRequest;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse ctl limits set --scope portfolio|desk|firm [--id ID] --reason TEXT [--max-... N]...}: replaces
 * the scope's limits with the ones given. A limit not given is removed, as the API's SetLimits does: read the
 * current ones first (portfolio show, desk show, firm show) and repeat those to keep.
 */
@Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Replaces the limits of a portfolio, a desk or the firm with the ones given: a limit not given "
        + "is removed (read the current ones with portfolio show / desk show / firm show and repeat those to keep).",
        "A portfolio's order-flow limits and warning policy are kept. Needs a risk officer (or admin) of the desk; "
            + "the firm needs every desk. Amounts in the reporting currency; 5,000,000 and 5e6 are accepted."})
public final class SetLimitsCommand implements Callable<Integer> {

  private static final Set<ScopeKind> SCOPES = Set.of(ScopeKind.PORTFOLIO, ScopeKind.DESK, ScopeKind.FIRM);

  @ParentCommand LimitsCommand limits;
  @Spec CommandSpec spec;
  @Mixin ScopeOptions target;

  @Option(names = "--max-gross", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max gross exposure (sum of |notional|).")
  Double maxGross;

  @Option(names = "--max-net", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max net exposure (|sum of notional|).")
  Double maxNet;

  @Option(names = "--max-position", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max |notional| of one position.")
  Double maxPosition;

  @Option(names = "--max-concentration-pct", paramLabel = "PCT", converter = CtlConverters.Numbers.class,
      description = "Max share of gross exposure in one position, percent, (0, 100].")
  Double maxConcentrationPct;

  @Option(names = "--concentration-min-gross", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Gross exposure below which concentration is not checked.")
  Double concentrationMinGross;

  @Option(names = "--max-intraday-loss", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max loss since the start of the trading day (a positive number).")
  Double maxIntradayLoss;

  @Option(names = "--max-drawdown", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max fall from the day's peak P&L.")
  Double maxDrawdown;

  @Option(names = "--max-order-qty", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max quantity of one order, instrument units.")
  Double maxOrderQty;

  @Option(names = "--max-order-notional", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max notional of one order.")
  Double maxOrderNotional;

  @Option(names = "--max-var", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max 1-day 99%% VaR.")
  Double maxVar;

  @Option(names = "--max-es", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max 1-day 97.5%% expected shortfall.")
  Double maxEs;

  @Option(names = "--max-stress-loss", paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Max loss in the worst stress scenario.")
  Double maxStressLoss;

  @Option(names = "--max-days-to-liquidate", paramLabel = "DAYS", converter = CtlConverters.Numbers.class,
      description = "Max days to unwind the least liquid position.")
  Double maxDaysToLiquidate;

  @Option(names = "--halt-on-breach", description = "A hard breach halts the portfolio (or engages the kill "
      + "switch for a desk or the firm).")
  boolean haltOnBreach;

  @Override
  public Integer call() {
    Scope scope = target.scope(SCOPES);
    Limits.Builder l = Limits.newBuilder().setHaltOnBreach(haltOnBreach);
    set(maxGross, l::setMaxGrossExposure);
    set(maxNet, l::setMaxNetExposure);
    set(maxPosition, l::setMaxPositionNotional);
    set(maxConcentrationPct, l::setMaxConcentrationPct);
    set(concentrationMinGross, l::setConcentrationMinGross);
    set(maxIntradayLoss, l::setMaxIntradayLoss);
    set(maxDrawdown, l::setMaxDrawdown);
    set(maxOrderQty, l::setMaxOrderQuantity);
    set(maxOrderNotional, l::setMaxOrderNotional);
    set(maxVar, l::setMaxVar);
    set(maxEs, l::setMaxExpectedShortfall);
    set(maxStressLoss, l::setMaxStressLoss);
    set(maxDaysToLiquidate, l::setMaxDaysToLiquidate);
    Limits sent = l.build();
    SetLimitsRequest request = SetLimitsRequest.newBuilder().setScope(scope).setLimits(sent)
        .setReason(target.reason).build();
    return limits.ctl.call(spec).unary(clients -> clients.controls().setLimits(request),
        result -> ControlView.result("limits of " + ControlView.scope(scope) + " replaced", result)
            + "Limits sent:\n" + ControlView.limits(sent));
  }

  private static void set(Double value, DoubleFunction<Limits.Builder> setter) {
    if (value != null) {
      setter.apply(value);
    }
  }
}
