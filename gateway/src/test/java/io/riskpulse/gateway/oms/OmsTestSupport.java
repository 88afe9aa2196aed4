package io.riskpulse.gateway.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceOrder;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Builders and waits shared by the OMS endpoint tests. Every wait is bounded by {@link #TIMEOUT_SECONDS}. */
final class OmsTestSupport {

  static final long TIMEOUT_SECONDS = 10;
  static final long AT_MILLIS = 1_767_225_600_000L;

  private OmsTestSupport() {}

  static HaltInstruction halt(String haltId, HaltScope scope, List<String> accounts, List<OpenOrder> openOrders) {
    return new HaltInstruction(haltId, scope, accounts, openOrders, "risk-officer", "drawdown limit breached",
        AT_MILLIS);
  }

  static OpenOrder order(String clOrdId, String account, String strategy, String symbol) {
    return new OpenOrder(clOrdId, account, strategy, symbol, Side.BUY, 100);
  }

  /** A rebalance of portfolio {@code portfolioId}, approved by a risk officer at {@link #AT_MILLIS}. */
  static RebalanceInstruction rebalance(String rebalanceId, String portfolioId, List<RebalanceOrder> orders) {
    return new RebalanceInstruction(rebalanceId, portfolioId, orders, "risk-officer", "concentration limit breached",
        AT_MILLIS);
  }

  /** An order of a rebalance, notional at a mark of 10 per unit. */
  static RebalanceOrder rebalanceOrder(String symbol, Side side, double quantity) {
    return new RebalanceOrder(symbol, side, quantity, quantity * 10);
  }

  /**
   * Settings of a FIX endpoint named {@code name} to 127.0.0.1:port, reconnecting every second, whose OMS has
   * CompID {@code name} in upper case; {@code extra} is HOCON.
   */
  static FixOmsSettings fixSettings(String name, int port, String extra) {
    return FixOmsSettings.fromConfig(ConfigFactory.parseString(
        "name = \"" + name + "\", type = fix, host = \"127.0.0.1\", port = " + port + ", target-comp-id = \""
            + name.toUpperCase(Locale.ROOT) + "\", reconnect-interval = 1s, ack-timeout = 5s\n" + extra));
  }

  static <T> T await(CompletionStage<T> stage) throws Exception {
    try {
      return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    }
  }

  static OmsDeliveryException awaitFailure(CompletionStage<?> stage) throws InterruptedException, TimeoutException {
    try {
      Object value = stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return fail("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return assertInstanceOf(OmsDeliveryException.class, e.getCause());
    }
  }

  /**
   * Starts a simulated OMS on an ephemeral port and a FIX endpoint to it, and waits for the Logon. The name must
   * differ between connections open at the same time: it is the endpoint's name and, upper-cased, the OMS's CompID,
   * and QuickFIX/J registers sessions per JVM.
   */
  static Connection connect(String name, Consumer<SimulatedOms.Builder> omsOptions,
      UnaryOperator<FixOmsSettings> endpointOptions) throws InterruptedException {
    SimulatedOms.Builder builder = SimulatedOms.builder().omsCompId(name.toUpperCase(Locale.ROOT));
    omsOptions.accept(builder);
    SimulatedOms oms = builder.build();
    oms.start();
    FixOmsEndpoint endpoint = new FixOmsEndpoint(endpointOptions.apply(fixSettings(name, oms.port(), "")));
    ConnectionEvents events = new ConnectionEvents();
    endpoint.addConnectionListener(events);
    endpoint.start();
    events.awaitNext("up");
    assertTrue(endpoint.connected());
    return new Connection(oms, endpoint, events);
  }

  /** A simulated OMS and a logged-on endpoint to it; closing stops both. */
  record Connection(SimulatedOms oms, FixOmsEndpoint endpoint, ConnectionEvents events) implements AutoCloseable {
    @Override
    public void close() {
      endpoint.close();
      oms.close();
    }
  }

  /** Records connection events as {@code "up"} / {@code "down"}. */
  static final class ConnectionEvents implements OmsConnectionListener {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void onConnected(String endpoint) {
      events.add("up");
    }

    @Override
    public void onDisconnected(String endpoint, String reason) {
      events.add("down");
    }

    /** Waits for the next event and checks it. */
    void awaitNext(String expected) throws InterruptedException {
      String event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(event, "no connection event within " + TIMEOUT_SECONDS + " s, expected " + expected);
      assertEquals(expected, event);
    }
  }
}
