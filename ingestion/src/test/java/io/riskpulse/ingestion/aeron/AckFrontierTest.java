package io.riskpulse.ingestion.aeron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AckFrontierTest {

  @Test
  void shouldAcknowledgeOnlyWhatIsHandledWithoutHoles() {
    AckPublisher.Frontier frontier = new AckPublisher.Frontier();
    frontier.handled(1);
    frontier.handled(2);
    frontier.handled(4); // 3 is late: 4 must not be acknowledged yet, or a crash now would lose 3
    assertEquals(2, frontier.contiguous());
    frontier.handled(3);
    assertEquals(4, frontier.contiguous());
    frontier.handled(2); // a duplicate changes nothing
    assertEquals(4, frontier.contiguous());
    assertEquals(1, frontier.from());
  }

  @Test
  void shouldStartFromTheFirstMessageANodeSees() {
    // A restarted node first sees the publisher's replay, from the last acknowledged message on.
    AckPublisher.Frontier frontier = new AckPublisher.Frontier();
    frontier.received(1_001);
    frontier.handled(1_001);
    frontier.handled(1_002);
    assertEquals(1_001, frontier.from());
    assertEquals(1_002, frontier.contiguous());
  }

  @Test
  void shouldNotAcknowledgeAMessageStillOnItsWayToTheJournal() {
    // 1 is with a slow shard while 2 is refused at once: acknowledging 1 now would lose it in a crash.
    AckPublisher.Frontier frontier = new AckPublisher.Frontier();
    frontier.received(1);
    frontier.received(2);
    frontier.handled(2);
    assertEquals(0, frontier.contiguous());
    frontier.handled(1);
    assertEquals(2, frontier.contiguous());
  }

  @Test
  void shouldReachBackWhenFramesThisNodeNeverReceivedArriveBelowItsStart() {
    // A node that joined mid-stream at 5,001 (after a crash) reports its range from there; the publisher
    // sends 4,998..5,000 again, and the range reaches back once they are handled.
    AckPublisher.Frontier frontier = new AckPublisher.Frontier();
    frontier.received(5_001);
    frontier.handled(5_001);
    frontier.handled(5_002);
    assertEquals(5_001, frontier.from());
    assertEquals(5_002, frontier.contiguous());
    frontier.received(4_998);
    assertEquals(4_998, frontier.from());
    assertEquals(4_997, frontier.contiguous());
    frontier.handled(4_998);
    frontier.handled(5_000);
    assertEquals(4_998, frontier.contiguous());
    frontier.handled(4_999);
    assertEquals(5_002, frontier.contiguous());
  }
}
