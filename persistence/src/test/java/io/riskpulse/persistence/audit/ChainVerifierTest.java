package io.riskpulse.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.journal.HashChain;
import io.riskpulse.persistence.audit.ChainProblem.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier on hand-built journals: each kind of damage is named at the event where it shows. */
class ChainVerifierTest {

  private static final String PID = "Portfolio|P1";
  private final MessageDigest digest = HashChain.sha256();

  /** A journal of {@code count} sealed events after {@code unsealed} events written before the chain. */
  private List<JournalRecord> journal(int unsealed, int count) {
    List<JournalRecord> records = new ArrayList<>();
    byte[] head = HashChain.genesis(PID);
    for (int i = 1; i <= unsealed + count; i++) {
      if (i <= unsealed) {
        records.add(new JournalRecord(PID, i, 0, "legacy " + i, "legacy " + i, null));
        continue;
      }
      byte[] payload = ("event " + i).getBytes(StandardCharsets.UTF_8);
      byte[] hash = HashChain.hash(digest, head, 33, "E", payload);
      records.add(new JournalRecord(PID, i, 0, new ChainedEvent(33, "E", payload, head, hash), "event " + i, null));
      head = hash;
    }
    return records;
  }

  private static ChainReport verify(List<JournalRecord> records) {
    ChainVerifier verifier = new ChainVerifier(PID);
    records.forEach(verifier::accept);
    return verifier.report();
  }

  private static JournalRecord renumbered(JournalRecord record, long sequenceNr) {
    return new JournalRecord(PID, sequenceNr, 0, record.stored(), record.event(), null);
  }

  @Test
  void shouldFindAnIntactJournalIntactAndReportItsHead() {
    List<JournalRecord> records = journal(2, 5);
    ChainReport report = verify(records);
    assertTrue(report.intact(), report.toString());
    assertEquals(7, report.events());
    assertEquals(2, report.unsealed());
    assertEquals(HexFormat.of().formatHex(((ChainedEvent) records.get(6).stored()).hash()), report.headHash());
  }

  @Test
  void shouldReportNoHeadForAJournalWrittenBeforeTheChain() {
    ChainReport report = verify(journal(3, 0));
    assertTrue(report.intact());
    assertNull(report.headHash());
  }

  @Test
  void shouldNameAnAlteredEvent() {
    List<JournalRecord> records = journal(0, 4);
    ChainedEvent third = (ChainedEvent) records.get(2).stored();
    byte[] changed = "event X".getBytes(StandardCharsets.UTF_8);
    records.set(2, new JournalRecord(PID, 3, 0, new ChainedEvent(33, "E", changed, third.previousHash(),
        third.hash()), "event X", null));
    assertEquals(List.of(Kind.ALTERED), kinds(verify(records)));
    assertEquals(3, verify(records).problems().get(0).sequenceNr());
  }

  @Test
  void shouldNameDeletedEventsAndTheBrokenLinkAfterThem() {
    List<JournalRecord> records = journal(0, 6);
    records.remove(3);
    records.remove(2);
    ChainReport report = verify(records);
    assertEquals(List.of(Kind.MISSING, Kind.BROKEN_LINK), kinds(report));
    assertEquals("events 3 to 4 are missing", report.problems().get(0).detail());
    assertEquals(5, report.problems().get(1).sequenceNr());
  }

  @Test
  void shouldNameReorderedEvents() {
    List<JournalRecord> records = journal(0, 5);
    JournalRecord second = records.get(1);
    records.set(1, renumbered(records.get(2), 2));
    records.set(2, renumbered(second, 3));
    ChainReport report = verify(records);
    assertEquals(List.of(Kind.BROKEN_LINK, Kind.BROKEN_LINK, Kind.BROKEN_LINK), kinds(report));
    assertEquals(List.of(2L, 3L, 4L), report.problems().stream().map(ChainProblem::sequenceNr).toList());
  }

  @Test
  void shouldNameAnUnsealedEventAfterTheChainBeganAndAnUnreadableOne() {
    List<JournalRecord> records = journal(1, 3);
    records.set(2, new JournalRecord(PID, 3, 0, "forged", "forged", null));
    records.set(3, new JournalRecord(PID, 4, 0, records.get(3).stored(), null, "bad CBOR"));
    ChainReport report = verify(records);
    assertEquals(List.of(Kind.UNSEALED, Kind.UNREADABLE, Kind.BROKEN_LINK), kinds(report));
  }

  private static List<Kind> kinds(ChainReport report) {
    return report.problems().stream().map(ChainProblem::kind).toList();
  }
}
