package io.riskpulse.gateway.halt;

import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.halt.ScopeKind;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.PortfolioStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Resolves a halt's scope from the portfolios themselves: which accounts it covers (by desk or trader) and which
 * working orders they know of.
 *
 * <ul>
 *   <li>PORTFOLIO: that account and its working orders.
 *   <li>TRADER, DESK: every portfolio of the journal is asked for its snapshot; the accounts are those of the
 *       trader or desk. If any portfolio does not answer, the resolution fails (and the gateway retries): its
 *       desk is unknown, and cancelling for a partial set of accounts would leave a runaway trading.
 *   <li>STRATEGY, INSTRUMENT, FIRM: not account-bound (FIX mass cancel by security or for everything; per-order
 *       cancels for a strategy), so the working orders of the scope are collected from every portfolio that
 *       answers; one that does not answer only loses its per-order fallback.
 * </ul>
 *
 * <p>Thread-safe; every call is asynchronous.
 */
public final class PortfolioScopeResolver implements ScopeResolver {

  private final PortfolioDirectory directory;
  private final PortfolioClient portfolios;

  public PortfolioScopeResolver(PortfolioDirectory directory, PortfolioClient portfolios) {
    this.directory = directory;
    this.portfolios = portfolios;
  }

  @Override
  public CompletionStage<HaltInstruction> resolve(ActiveHalt halt) {
    HaltScope scope = halt.scope();
    if (scope.kind() == ScopeKind.PORTFOLIO) {
      return portfolios.snapshot(scope.value()).thenApply(snapshot ->
          instruction(halt, List.of(scope.value()), snapshot.openOrders()));
    }
    boolean accountBound = scope.kind() == ScopeKind.TRADER || scope.kind() == ScopeKind.DESK;
    return directory.portfolioIds().thenCompose(ids -> {
      List<CompletableFuture<PortfolioSnapshot>> asks = new ArrayList<>();
      for (String id : ids) {
        CompletableFuture<PortfolioSnapshot> ask = portfolios.snapshot(id).toCompletableFuture();
        asks.add(accountBound ? ask : ask.exceptionally(failure -> null));
      }
      return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(done -> {
        List<String> accounts = new ArrayList<>();
        List<OpenOrder> orders = new ArrayList<>();
        for (CompletableFuture<PortfolioSnapshot> ask : asks) {
          PortfolioSnapshot snapshot = ask.join();
          if (snapshot == null || snapshot.status() == PortfolioStatus.UNOPENED) {
            continue;
          }
          if (accountBound) {
            if (scope.covers(snapshot.portfolioId(), "", snapshot.trader(), snapshot.desk(), "")) {
              accounts.add(snapshot.portfolioId());
              orders.addAll(snapshot.openOrders());
            }
            continue;
          }
          for (OpenOrder order : snapshot.openOrders()) {
            if (scope.covers(order.account(), order.strategy(), snapshot.trader(), snapshot.desk(), order.symbol())) {
              orders.add(order);
            }
          }
        }
        return instruction(halt, accounts, orders);
      });
    });
  }

  private static HaltInstruction instruction(ActiveHalt halt, List<String> accounts, List<OpenOrder> orders) {
    return new HaltInstruction(halt.haltId(), halt.scope(), accounts.stream().sorted().toList(), orders, halt.by(),
        halt.reason(), halt.atMillis());
  }
}
