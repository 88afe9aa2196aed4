package io.riskpulse.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Run in a child JVM by {@link EmbeddedJournalCrashTest}: opens the embedded journal database with the
 * configured URL ({@code riskpulse.persistence.data-dir} given as a system property), commits journal rows one
 * by one, flushes them with the node's {@link JournalFlusher}, prints how many were committed and flushed, and
 * kills its own JVM without any shutdown (as {@code kill -9} would).
 */
public final class CrashingJournalWriter {

  static final String COMMITTED = "committed ";

  private CrashingJournalWriter() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    Config config = ConfigFactory.load();
    Config db = config.getConfig("pekko-persistence-jdbc.shared-databases.slick.db");
    try (Connection connection = DriverManager.getConnection(
        db.getString("url"), db.getString("user"), db.getString("password"));
        JournalFlusher flusher = JournalFlusher.fromConfig(config)) {
      for (String statement : JournalSchema.h2Script().split(";")) {
        if (!statement.isBlank()) {
          connection.createStatement().execute(statement);
        }
      }
      PreparedStatement insert = connection.prepareStatement("INSERT INTO \"event_journal\" (\"persistence_id\","
          + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\","
          + " \"event_ser_id\", \"event_ser_manifest\") VALUES ('Portfolio|P1', ?, 'w', 0, '', ?, 1, 'm')");
      for (int seq = 1; seq <= rows; seq++) {
        insert.setLong(1, seq);
        insert.setBytes(2, new byte[300]);
        insert.executeUpdate(); // auto-commit: committed once this returns (in the file too unless a write delay is set)
      }
      flusher.flush(); // what the node does before it acknowledges
      System.out.println(COMMITTED + rows);
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
  }
}
