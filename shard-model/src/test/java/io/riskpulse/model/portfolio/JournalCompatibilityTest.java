package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitsSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Journals written before the risk-measure and liquidity limits existed must still replay: events and snapshots
 * whose {@link Limits} lack {@code maxVar}, {@code maxExpectedShortfall}, {@code maxStressLoss} or
 * {@code maxDaysToLiquidate}, and whose {@link LimitBreach}es lack {@code detail}. An {@link Instrument} is not
 * journaled today, but it is {@code CborSerializable}, so one serialized before {@code averageDailyVolume}
 * existed must read too (as unknown). An {@link Execution} journaled before it named its order reads as naming none. The old bytes are made by serializing today's objects with the node's own
 * serializer (Jackson CBOR) and deleting the new properties, which is exactly what an old journal holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalCompatibilityTest {

  private static final Limits OLD_LIMITS =
      new Limits(1_000_000.0, 500_000.0, 400_000.0, 50.0, 10_000.0, 10_000.0, 15_000.0, 5_000.0, 450_000.0, true);

  private final ActorTestKit testKit = ActorTestKit.create();
  private final Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
  private final ObjectMapper cbor = new ObjectMapper(new CBORFactory());

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  /** Serializes {@code current}, edits the CBOR tree as an old writer would have written it, reads it back. */
  @SuppressWarnings("unchecked")
  private <T> T readAsOldFormat(T current, Consumer<ObjectNode> dropNewFields) throws Exception {
    Serializer serializer = serialization.findSerializerFor(current);
    assertTrue(serializer.getClass().getName().contains("Jackson"), serializer.getClass().getName());
    String manifest = Serializers.manifestFor(serializer, current);
    ObjectNode tree = (ObjectNode) cbor.readTree(serialization.serialize(current).get());
    dropNewFields.accept(tree);
    byte[] old = cbor.writeValueAsBytes(tree);
    return (T) serialization.deserialize(old, serializer.identifier(), manifest).get();
  }

  private static void dropRiskLimits(ObjectNode limits) {
    assertTrue(limits.has("maxVar"), limits.toString());
    limits.remove(List.of("maxVar", "maxExpectedShortfall", "maxStressLoss", "maxDaysToLiquidate"));
  }

  private static void dropLiquidityLimit(ObjectNode limits) {
    assertTrue(limits.has("maxDaysToLiquidate"), limits.toString());
    limits.remove("maxDaysToLiquidate");
  }

  @Test
  void shouldReadLimitsWrittenBeforeTheRiskLimitsAsHavingNone() throws Exception {
    Limits current = OLD_LIMITS.withRiskLimits(1.0, 2.0, 3.0);
    Limits old = readAsOldFormat(current, JournalCompatibilityTest::dropRiskLimits);
    assertEquals(OLD_LIMITS, old);
    assertNull(old.maxVar());
    assertNull(old.maxExpectedShortfall());
    assertNull(old.maxStressLoss());
    assertTrue(old.problems().isEmpty());
  }

  @Test
  void shouldReadLimitsWrittenBeforeTheLiquidityLimitAsHavingNone() throws Exception {
    Limits withRisk = OLD_LIMITS.withRiskLimits(1.0, 2.0, 3.0);
    Limits old = readAsOldFormat(withRisk.withLiquidityLimit(4.0), JournalCompatibilityTest::dropLiquidityLimit);
    assertEquals(withRisk, old);
    assertNull(old.maxDaysToLiquidate());
    assertEquals(3.0, old.maxStressLoss());
    assertTrue(old.problems().isEmpty());

    LimitsSet set = readAsOldFormat(new LimitsSet(OLD_LIMITS.withLiquidityLimit(5.0), "risk", "why", 8),
        tree -> dropLiquidityLimit((ObjectNode) tree.get("limits")));
    assertEquals(new LimitsSet(OLD_LIMITS, "risk", "why", 8), set);
  }

  @Test
  void shouldReadAnInstrumentSerializedBeforeTheAverageDailyVolumeAsUnknown() throws Exception {
    Instrument current = new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US", 80_000_000);
    Instrument old = readAsOldFormat(current, tree -> {
      assertTrue(tree.has("averageDailyVolume"), tree.toString());
      tree.remove("averageDailyVolume");
    });
    assertEquals(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US"), old);
    assertTrue(Double.isNaN(old.averageDailyVolume()));
    // And an unknown ADV survives a round trip as unknown (NaN), not as 0.
    Instrument unknown = readAsOldFormat(old, tree -> { });
    assertTrue(Double.isNaN(unknown.averageDailyVolume()));
  }

  @Test
  void shouldReplayOldLimitEvents() throws Exception {
    LimitsSet set = readAsOldFormat(new LimitsSet(OLD_LIMITS.withRiskLimits(1.0, null, null), "risk", "why", 7),
        tree -> dropRiskLimits((ObjectNode) tree.get("limits")));
    assertEquals(new LimitsSet(OLD_LIMITS, "risk", "why", 7), set);

    LimitBreach breach = new LimitBreach("DRAWDOWN", LimitKind.DRAWDOWN, "", 20_000, 15_000, 9, "detail");
    LimitBreached breached = readAsOldFormat(new LimitBreached(breach),
        tree -> ((ObjectNode) tree.get("breach")).remove("detail"));
    assertEquals("", breached.breach().detail());
    assertEquals("DRAWDOWN 20,000.00 > 15,000.00", breached.breach().describe());
  }

  @Test
  void shouldReplayAnExecutionJournaledBeforeItNamedItsOrderAsNamingNone() throws Exception {
    Execution named = new Execution("E1", "P1", "momo", "SPY", Side.BUY, 10, 100, 5, "O1");
    ExecutionApplied old = readAsOldFormat(new ExecutionApplied(named, "USD", 6), tree -> {
      assertTrue(tree.get("execution").has("orderId"), tree.toString());
      ((ObjectNode) tree.get("execution")).remove("orderId");
    });
    assertEquals(new ExecutionApplied(new Execution("E1", "P1", "momo", "SPY", Side.BUY, 10, 100, 5), "USD", 6),
        old);
    assertEquals("", old.execution().orderId());
    assertEquals(named, readAsOldFormat(new ExecutionApplied(named, "USD", 6), tree -> { }).execution());
  }

  @Test
  void shouldRecoverFromAnOldSnapshot() throws Exception {
    LimitBreach breach = new LimitBreach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 2e6, 1e6, 3, "x");
    StoredPortfolioState current = new StoredPortfolioState("P1", PortfolioStatus.ACTIVE, "macro", "alice",
        Map.of("USD", 1_000_000.0), OLD_LIMITS.withRiskLimits(5.0, 6.0, 7.0).withLiquidityLimit(8.0), "", "", 0,
        0, 20_000, 0, 1, 1,
        List.of(new Position("SPY", 10, 100, 0)), List.of(breach), List.of("E1"), List.of(17));
    StoredPortfolioState old = readAsOldFormat(current, tree -> {
      dropRiskLimits((ObjectNode) tree.get("limits"));
      ((ObjectNode) ((ArrayNode) tree.get("activeBreaches")).get(0)).remove("detail");
    });
    PortfolioState state = PortfolioState.fromStored(old, 10);
    assertEquals(OLD_LIMITS, state.limits());
    assertEquals("", state.activeBreaches().get("GROSS_EXPOSURE").detail());
    assertEquals(10, state.position("SPY").quantity(), 0);
    assertEquals(17, state.seenFingerprint("E1"), "the dedup window of a snapshot from before the packed form");
  }
}
