package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.rebalance;
import static io.riskpulse.gateway.oms.OmsTestSupport.rebalanceOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceOrder;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.HandlInst;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

/** The rebalance → FIX 4.4 NewOrderSingle mapping of docs/OMS.md, tag by tag, and its ClOrdID scheme. */
class FixRebalanceMappingTest {

  @Test
  void shouldMapEachOrderToAMarketDayNewOrderSingleNumberedBySymbol() throws FieldNotFound {
    RebalanceInstruction instruction = rebalance("R1", "P1",
        List.of(rebalanceOrder("MSFT", Side.SELL, 2500.5), rebalanceOrder("AAPL", Side.BUY, 100)));

    List<FixRequest> requests = FixRebalanceMapping.newOrders(instruction);

    assertEquals(List.of("R1.1", "R1.2"), requests.stream().map(FixRequest::clOrdId).toList());
    assertEquals(List.of(FixRequest.Kind.NEW_ORDER, FixRequest.Kind.NEW_ORDER),
        requests.stream().map(FixRequest::kind).toList());
    Message aapl = requests.get(0).message();
    assertEquals(MsgType.NEW_ORDER_SINGLE, aapl.getHeader().getString(MsgType.FIELD));
    assertEquals("R1.1", aapl.getString(ClOrdID.FIELD));
    assertEquals("P1", aapl.getString(Account.FIELD));
    assertEquals("AAPL", aapl.getString(Symbol.FIELD));
    assertEquals(quickfix.field.Side.BUY, aapl.getChar(quickfix.field.Side.FIELD));
    assertEquals("100", aapl.getString(OrderQty.FIELD), "a whole quantity goes out without decimals");
    assertEquals(OrdType.MARKET, aapl.getChar(OrdType.FIELD));
    assertEquals(TimeInForce.DAY, aapl.getChar(TimeInForce.FIELD));
    assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), aapl.getUtcTimeStamp(TransactTime.FIELD));
    assertEquals("concentration limit breached", aapl.getString(Text.FIELD));
    assertFalse(aapl.isSetField(HandlInst.FIELD));
    assertEquals("35=D 11=R1.1 55=AAPL 54=1 38=100", requests.get(0).label());

    Message msft = requests.get(1).message();
    assertEquals(quickfix.field.Side.SELL, msft.getChar(quickfix.field.Side.FIELD));
    assertEquals("2500.5", msft.getString(OrderQty.FIELD));
    assertEquals("35=D 11=R1.2 55=MSFT 54=2 38=2500.5", requests.get(1).label());
  }

  @Test
  void shouldNotSendHandlInstBecauseTheFix44DictionaryDoesNotRequireIt() throws ConfigError {
    assertFalse(new DataDictionary("FIX44.xml").isRequiredField(MsgType.NEW_ORDER_SINGLE, HandlInst.FIELD),
        "FIX 4.2 required HandlInst (21) on 35=D; if the dictionary ever does, the mapping must send 21=1");
  }

  @Test
  void shouldDeriveTheSameShortClOrdIdsWhateverTheOrderOfTheList() {
    List<RebalanceOrder> orders = List.of(rebalanceOrder("WTI", Side.SELL, 10), rebalanceOrder("AAPL", Side.BUY, 5),
        rebalanceOrder("AAPL", Side.SELL, 7));
    List<RebalanceOrder> reversed = List.of(orders.get(2), orders.get(1), orders.get(0));

    assertEquals(labels(rebalance("R2", "P1", orders)), labels(rebalance("R2", "P1", reversed)));
    assertEquals(List.of("35=D 11=R2.1 55=AAPL 54=1 38=5", "35=D 11=R2.2 55=AAPL 54=2 38=7",
        "35=D 11=R2.3 55=WTI 54=2 38=10"), labels(rebalance("R2", "P1", orders)));

    String longId = "rebalance-" + "z".repeat(80);
    String clOrdId = FixRebalanceMapping.clOrdId(longId, 12);
    assertEquals(FixHaltMapping.MAX_STEM_LENGTH + ".12".length(), clOrdId.length());
    assertTrue(clOrdId.length() <= FixHaltMapping.MAX_CLORDID_LENGTH, clOrdId);
    assertEquals(FixHaltMapping.clOrdId(longId, 1, 1) + ".12", clOrdId, "hashed exactly as a halt id is");
    assertEquals(clOrdId, FixRebalanceMapping.clOrdId(longId, 12), "deterministic");
  }

  @Test
  void shouldSanitiseTheReasonAsForHalts() throws FieldNotFound {
    RebalanceInstruction euro = new RebalanceInstruction("R3", "P1", List.of(rebalanceOrder("AAPL", Side.SELL, 1)),
        "risk-officer", "AAPL \u20ac exposure\nbreached", OmsTestSupport.AT_MILLIS);
    RebalanceInstruction blank = new RebalanceInstruction("R4", "P1", List.of(rebalanceOrder("AAPL", Side.SELL, 1)),
        "risk-officer", " ", OmsTestSupport.AT_MILLIS);

    assertEquals("AAPL ? exposure breached",
        FixRebalanceMapping.newOrders(euro).get(0).message().getString(Text.FIELD));
    assertEquals("RiskPulse rebalance", FixRebalanceMapping.newOrders(blank).get(0).message().getString(Text.FIELD));
  }

  @Test
  void shouldRefuseWhatAFixOrderCannotCarry() {
    assertNull(FixRebalanceMapping.invalid(rebalance("R5", "P 1", List.of(rebalanceOrder("BRK B", Side.BUY, 1)))));
    assertEquals("order 1 (AAPL): quantity must be finite and > 0, was NaN", FixRebalanceMapping.invalid(
        rebalance("R6", "P1", List.of(rebalanceOrder("AAPL", Side.BUY, Double.NaN)))));
    assertEquals("order 2 (MSFT): quantity must be finite and > 0, was 0.0", FixRebalanceMapping.invalid(
        rebalance("R7", "P1", List.of(rebalanceOrder("MSFT", Side.BUY, 0), rebalanceOrder("AAPL", Side.BUY, 1)))));
    assertEquals("order 1 (AAPL): no side", FixRebalanceMapping.invalid(
        rebalance("R8", "P1", List.of(new RebalanceOrder("AAPL", null, 1, 10)))));
    assertEquals("order 1 (A\u0001B): symbol is not a printable ASCII FIX Symbol", FixRebalanceMapping.invalid(
        rebalance("R9", "P1", List.of(rebalanceOrder("A\u0001B", Side.BUY, 1)))));
    assertEquals("portfolio id ' ' is not a printable ASCII FIX Account", FixRebalanceMapping.invalid(
        rebalance("R10", " ", List.of(rebalanceOrder("AAPL", Side.BUY, 1)))));
  }

  private static List<String> labels(RebalanceInstruction instruction) {
    return FixRebalanceMapping.newOrders(instruction).stream().map(FixRequest::label).toList();
  }
}
