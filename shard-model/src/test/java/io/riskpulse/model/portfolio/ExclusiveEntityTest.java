package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.pretrade.PreTradeDecision;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.JournalProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The entity's side of {@link PreTradeGate}: everything a behaviour wrapped in {@link ExclusiveEntity} does (its
 * start, every message of any type, its signals) runs holding the gate's lock, and a failed or rejected journal write
 * closes the gate before the behaviour sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusiveEntityTest {

  private final ActorTestKit testKit = ActorTestKit.create("ExclusiveEntityTest");

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  /** Reports, for what it handles, whether it held the lock and whether the gate was open. */
  private static Behavior<Object> reporting(PreTradeGate gate, ActorRef<String> probe) {
    return Behaviors.setup(context -> {
      probe.tell("start held=" + gate.heldByCurrentThread());
      gate.open(order -> (PreTradeDecision) null);
      return Behaviors.receive(Object.class)
          .onMessage(Object.class, message -> {
            probe.tell(message.getClass().getSimpleName() + " held=" + gate.heldByCurrentThread()
                + " open=" + gate.isOpen());
            return "stop".equals(message) ? Behaviors.stopped() : Behaviors.same();
          })
          .onSignal(PostStop.class, signal -> {
            probe.tell("PostStop held=" + gate.heldByCurrentThread());
            return Behaviors.same();
          })
          .build();
    });
  }

  @Test
  void shouldHoldTheLockForEverythingAndCloseOnAFailedWrite() {
    PreTradeGate gate = new PreTradeGate();
    TestProbe<String> probe = testKit.createTestProbe();
    ActorRef<Object> entity = testKit.spawn(ExclusiveEntity.around(gate, reporting(gate, probe.ref())));
    assertEquals("start held=true", probe.receiveMessage());

    entity.tell(42);
    assertEquals("Integer held=true open=true", probe.receiveMessage());
    entity.tell(new JournalProtocol.WriteMessageRejected(null, new IllegalArgumentException("too big"), 1));
    assertEquals("WriteMessageRejected held=true open=false", probe.receiveMessage());

    gate.open(order -> (PreTradeDecision) null);
    entity.tell(new JournalProtocol.WriteMessageFailure(null, new IllegalStateException("disk"), 1));
    assertEquals("WriteMessageFailure held=true open=false", probe.receiveMessage());

    entity.tell("stop");
    assertEquals(List.of("String held=true open=false", "PostStop held=true"), probe.receiveSeveralMessages(2));
    assertFalse(gate.heldByCurrentThread());
    assertTrue(gate.check(null) == null, "a closed gate answers nothing: ask the entity");
  }
}
