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
  }

  @Test
  void shouldStartFromTheFirstMessageANodeSees() {
    // A restarted node first sees the publisher's replay, from the last acknowledged message on.
    AckPublisher.Frontier frontier = new AckPublisher.Frontier();
    frontier.handled(1_001);
    frontier.handled(1_002);
    assertEquals(1_002, frontier.contiguous());
  }
}
