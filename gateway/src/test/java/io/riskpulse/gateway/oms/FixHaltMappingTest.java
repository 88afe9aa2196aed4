package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.halt;
import static io.riskpulse.gateway.oms.OmsTestSupport.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.portfolio.Side;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MsgType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

/** The halt → FIX 4.4 mapping of docs/OMS.md, tag by tag, and the ClOrdID scheme. */
class FixHaltMappingTest {

  @Test
  void shouldMapFirmToOneCancelAllWithoutAccount() throws FieldNotFound {
    FixRequest request = single(FixHaltMapping.massCancels(halt("H1", HaltScope.FIRM, List.of(), List.of())));

    Message message = request.message();
    assertEquals(MsgType.ORDER_MASS_CANCEL_REQUEST, message.getHeader().getString(MsgType.FIELD));
    assertEquals("H1", message.getString(ClOrdID.FIELD));
    assertEquals(MassCancelRequestType.CANCEL_ALL_ORDERS, message.getChar(MassCancelRequestType.FIELD));
    assertFalse(message.isSetField(Account.FIELD));
    assertFalse(message.isSetField(Symbol.FIELD));
    assertEquals("drawdown limit breached", message.getString(Text.FIELD));
    assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), message.getUtcTimeStamp(TransactTime.FIELD));
  }

  @Test
  void shouldMapInstrumentToCancelOrdersForOneSecurity() throws FieldNotFound {
    FixRequest request = single(FixHaltMapping.massCancels(
        halt("H2", HaltScope.instrument("AAPL"), List.of(), List.of())));

    assertEquals(MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY,
        request.message().getChar(MassCancelRequestType.FIELD));
    assertEquals("AAPL", request.message().getString(Symbol.FIELD));
    assertEquals("35=q 530=1 55=AAPL", request.label());
  }

  @Test
  void shouldMapAccountScopesToOneCancelAllPerSortedAccount() throws FieldNotFound {
    List<FixRequest> trader = FixHaltMapping.massCancels(
        halt("H3", HaltScope.trader("alice"), List.of("P9", "P1", "P1"), List.of()));

    assertEquals(List.of("H3.1", "H3.2"), trader.stream().map(FixRequest::clOrdId).toList());
    assertEquals("P1", trader.get(0).message().getString(Account.FIELD));
    assertEquals("P9", trader.get(1).message().getString(Account.FIELD));
    assertEquals(MassCancelRequestType.CANCEL_ALL_ORDERS, trader.get(1).message().getChar(MassCancelRequestType.FIELD));

    FixRequest portfolio = single(FixHaltMapping.massCancels(
        halt("H4", HaltScope.portfolio("P7"), List.of(), List.of())));
    assertEquals("H4", portfolio.clOrdId());
    assertEquals("P7", portfolio.message().getString(Account.FIELD), "a portfolio scope names its own account");

    assertEquals(List.of(), FixHaltMapping.massCancels(halt("H5", HaltScope.desk("empty"), List.of(), List.of())));
  }

  @Test
  void shouldRefuseMassCancelForStrategy() {
    assertThrows(IllegalArgumentException.class,
        () -> FixHaltMapping.massCancels(halt("H6", HaltScope.strategy("momo"), List.of(), List.of())));
  }

  @Test
  void shouldMapEachOpenOrderInScopeToOneOrderCancelRequest() throws FieldNotFound {
    OpenOrder sell = new OpenOrder("O2", "P2", "momo", "MSFT", Side.SELL, 2500.5);
    HaltInstruction instruction = halt("H7", HaltScope.strategy("momo"), List.of(),
        List.of(order("O1", "P1", "momo", "AAPL"), sell, order("O3", "P1", "carry", "AAPL"),
            order("O1", "P1", "momo", "AAPL")));

    List<FixRequest> requests = FixHaltMapping.orderCancels(instruction);

    assertEquals(List.of("H7.O1", "H7.O2"), requests.stream().map(FixRequest::clOrdId).toList());
    Message message = requests.get(1).message();
    assertEquals(MsgType.ORDER_CANCEL_REQUEST, message.getHeader().getString(MsgType.FIELD));
    assertEquals("O2", message.getString(OrigClOrdID.FIELD));
    assertEquals("P2", message.getString(Account.FIELD));
    assertEquals("MSFT", message.getString(Symbol.FIELD));
    assertEquals(quickfix.field.Side.SELL, message.getChar(quickfix.field.Side.FIELD));
    assertEquals(2500.5, message.getDouble(OrderQty.FIELD));
    assertTrue(message.isSetField(TransactTime.FIELD));
    assertEquals("O2", requests.get(1).origClOrdId());
  }

  @Test
  void shouldKeepOnlyOrdersTheScopeCovers() {
    List<OpenOrder> orders = List.of(order("O1", "P1", "a", "AAPL"), order("O2", "P2", "b", "MSFT"));

    assertEquals(2, FixHaltMapping.inScope(halt("F", HaltScope.FIRM, List.of(), orders)).size());
    assertEquals(List.of("O2"), ids(FixHaltMapping.inScope(halt("I", HaltScope.instrument("MSFT"), List.of(),
        orders))));
    assertEquals(List.of("O1"), ids(FixHaltMapping.inScope(halt("S", HaltScope.strategy("a"), List.of(), orders))));
    assertEquals(List.of("O2"), ids(FixHaltMapping.inScope(halt("D", HaltScope.desk("d"), List.of("P2"), orders))));
    assertEquals(List.of("O1"), ids(FixHaltMapping.inScope(halt("P", HaltScope.portfolio("P1"), List.of(), orders))));
    assertEquals(List.of(), ids(FixHaltMapping.inScope(halt("T", HaltScope.trader("t"), List.of(), orders))));
  }

  @Test
  void shouldDeriveTheSameShortPrintableClOrdIdsForTheSameHalt() {
    String uuid = "0d9f6c2e-6f1b-4c1e-9a57-3b0f2f8e9c11";
    assertEquals(uuid, FixHaltMapping.clOrdId(uuid, 1, 1));
    assertEquals(uuid + ".3", FixHaltMapping.clOrdId(uuid, 3, 4));
    assertEquals(uuid + ".ORD-1", FixHaltMapping.orderClOrdId(uuid, "ORD-1"));

    String longOrig = "X".repeat(60);
    String hashed = FixHaltMapping.orderClOrdId(uuid, longOrig);
    assertEquals(FixHaltMapping.MAX_CLORDID_LENGTH, hashed.length());
    assertTrue(hashed.startsWith(uuid + "."), hashed);
    assertEquals(hashed, FixHaltMapping.orderClOrdId(uuid, longOrig), "deterministic");

    String longHalt = "halt-" + "y".repeat(80);
    String stem = FixHaltMapping.clOrdId(longHalt, 1, 1);
    assertEquals(FixHaltMapping.MAX_STEM_LENGTH, stem.length());
    assertEquals(stem, FixHaltMapping.clOrdId(longHalt, 1, 1));
    assertTrue(FixHaltMapping.orderClOrdId(longHalt, longOrig).length() <= FixHaltMapping.MAX_CLORDID_LENGTH);
    assertFalse(FixHaltMapping.clOrdId("halt with spaces", 1, 1).contains(" "));
  }

  @Test
  void shouldSendReasonAsPrintableAsciiOfBoundedLength() {
    assertEquals("VaR ? limit\tbreached".replace('\t', ' '), FixHaltMapping.text("VaR \u20ac limit\tbreached"));
    String cut = FixHaltMapping.text("r".repeat(500));
    assertEquals(FixHaltMapping.MAX_TEXT_LENGTH, cut.length());
    assertTrue(cut.endsWith("..."));
    assertEquals("RiskPulse halt", FixHaltMapping.text(" "));
    assertFalse(FixHaltMapping.text("a\u0001b").contains("\u0001"), "SOH would end the field");
  }

  private static FixRequest single(List<FixRequest> requests) {
    assertEquals(1, requests.size(), requests.toString());
    return requests.get(0);
  }

  private static List<String> ids(List<OpenOrder> orders) {
    return orders.stream().map(OpenOrder::clOrdId).toList();
  }
}
