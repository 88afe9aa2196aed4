package io.riskpulse.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Run in a child JVM by {@link EmbeddedJournalKillTest}, and killed by it: writes to the embedded journal the way
 * a loaded node does, with the configured database URL ({@code riskpulse.persistence.data-dir} given as a system
 * property) and as many writing connections as the journal's pool has. Each writer commits transactions of one to
 * three events of one persistence id (some tagged), deletes the older events of a few ids (as the detectors'
 * checkpoint stores do) and replaces snapshots; the first writer also compacts the file between two of its
 * transactions every 50, as the node's {@link JournalCompactor} does on its one connection. One more connection
 * reads events and snapshots. Prints {@link #READY} once the schema exists and writes have begun and
 * {@link #PROGRESS} as they go (with {@link #COMPACTIONS} and how many compactions rewrote pages), until it is
 * killed.
 */
public final class KilledJournalWriter {

  static final String READY = "writing";
  /** Printed by the first writer every 200 transactions, with their count. */
  static final String PROGRESS = "transactions ";
  /** Follows the transaction count in a progress line, with the number of compactions that rewrote pages. */
  static final String COMPACTIONS = " compactions ";

  private KilledJournalWriter() {}

  public static void main(String[] args) throws Exception {
    Config config = ConfigFactory.load();
    Config db = config.getConfig("pekko-persistence-jdbc.shared-databases.slick.db");
    String url = db.getString("url");
    String user = db.getString("user");
    String password = db.getString("password");
    try (Connection schema = DriverManager.getConnection(url, user, password)) {
      for (String statement : JournalSchema.h2Script().split(";")) {
        if (!statement.isBlank()) {
          schema.createStatement().execute(statement);
        }
      }
    }
    String run = Long.toString(ProcessHandle.current().pid());
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < db.getInt("maxConnections"); w++) {
      String writer = run + "-" + w;
      threads.add(new Thread(() -> write(url, user, password, writer, JournalCompactor.Settings.fromConfig(config)),
          "writer-" + w));
    }
    threads.add(new Thread(() -> read(url, user, password, run), "reader"));
    threads.forEach(Thread::start);
    System.out.println(READY);
    System.out.flush();
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void write(String url, String user, String password, String writer,
      JournalCompactor.Settings compaction) {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      PreparedStatement event = c.prepareStatement("INSERT INTO \"event_journal\" (\"persistence_id\","
          + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\","
          + " \"event_ser_id\", \"event_ser_manifest\") VALUES (?, ?, 'w', 0, '', ?, 1, 'm')",
          Statement.RETURN_GENERATED_KEYS);
      PreparedStatement tag = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, 'alert')");
      PreparedStatement delete = c.prepareStatement(
          "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\" <= ?");
      PreparedStatement snapshot = c.prepareStatement("MERGE INTO \"snapshot\" (\"persistence_id\", \"sequence_number\","
          + " \"created\", \"snapshot_ser_id\", \"snapshot_ser_manifest\", \"snapshot_payload\")"
          + " KEY (\"persistence_id\", \"sequence_number\") VALUES (?, ?, 0, 1, 's', ?)");
      PreparedStatement oldSnapshots = c.prepareStatement(
          "DELETE FROM \"snapshot\" WHERE \"persistence_id\" = ? AND \"sequence_number\" < ?");
      Random random = new Random(writer.hashCode());
      long[] sequence = new long[60];
      long compactions = 0;
      byte[] payload = new byte[300];
      for (long round = 1; ; round++) {
        int id = random.nextInt(sequence.length);
        String persistenceId = (id < 50 ? "Portfolio|" : "Checkpoint|") + writer + "-" + id;
        c.setAutoCommit(false);
        for (int i = random.nextInt(3); i >= 0; i--) {
          random.nextBytes(payload);
          event.setString(1, persistenceId);
          event.setLong(2, ++sequence[id]);
          event.setBytes(3, payload);
          event.executeUpdate();
          try (ResultSet key = event.getGeneratedKeys()) {
            if (key.next() && random.nextInt(4) == 0) {
              tag.setLong(1, key.getLong(1));
              tag.executeUpdate();
            }
          }
        }
        c.commit();
        c.setAutoCommit(true);
        if (writer.endsWith("-0") && round % 50 == 0 && JournalCompactor.compact(c, compaction.chunkFillPercent(),
            compaction.quietMaxWriteBytes()).compacted()) {
          compactions++;
        }
        if (writer.endsWith("-0") && round % 200 == 0) {
          System.out.println(PROGRESS + round + COMPACTIONS + compactions);
          System.out.flush();
        }
        if (id >= 50 && sequence[id] % 5 == 0) {
          delete.setString(1, persistenceId);
          delete.setLong(2, sequence[id] - 2);
          delete.executeUpdate();
        }
        if (round % 50 == 0) {
          String snapshotId = "Portfolio|" + writer + "-" + random.nextInt(20);
          byte[] blob = new byte[2_000 + random.nextInt(60_000)];
          random.nextBytes(blob);
          snapshot.setString(1, snapshotId);
          snapshot.setLong(2, round);
          snapshot.setBytes(3, blob);
          snapshot.executeUpdate();
          oldSnapshots.setString(1, snapshotId);
          oldSnapshots.setLong(2, round - 1_000);
          oldSnapshots.executeUpdate();
        }
      }
    } catch (SQLException e) {
      e.printStackTrace();
      Runtime.getRuntime().halt(3); // the parent sees the writer die rather than a quiet database
    }
  }

  private static void read(String url, String user, String password, String run) {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      PreparedStatement events = c.prepareStatement("SELECT * FROM \"event_journal\" WHERE \"persistence_id\" = ?"
          + " AND \"sequence_number\" >= ? ORDER BY \"sequence_number\" LIMIT 100");
      PreparedStatement snapshots = c.prepareStatement("SELECT * FROM \"snapshot\" WHERE \"persistence_id\" = ?"
          + " ORDER BY \"sequence_number\" DESC LIMIT 1");
      Random random = new Random(run.hashCode());
      while (true) {
        events.setString(1, "Portfolio|" + run + "-0-" + random.nextInt(50));
        events.setLong(2, random.nextInt(100));
        try (ResultSet rows = events.executeQuery()) {
          while (rows.next()) {
            rows.getBytes("event_payload");
          }
        }
        snapshots.setString(1, "Portfolio|" + run + "-0-" + random.nextInt(20));
        try (ResultSet rows = snapshots.executeQuery()) {
          while (rows.next()) {
            rows.getBytes("snapshot_payload");
          }
        }
      }
    } catch (SQLException e) {
      e.printStackTrace();
      Runtime.getRuntime().halt(3);
    }
  }
}
