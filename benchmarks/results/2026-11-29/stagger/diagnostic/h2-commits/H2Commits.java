import java.sql.*;
import java.util.*;
import java.nio.file.*;
import org.h2.mvstore.*;

/**
 * What one commit costs H2 alone, with the embedded journal's schema and settings (WRITE_DELAY=0, 1 MB cache): commits
 * of ROWS events (300-byte payloads unless -Dpayload=N, 50 persistence ids, one tag each) on one connection, timed,
 * with the bytes H2 wrote per commit and its chunk count. Optionally MVStore.compact(FILL, 1 MB) every COMPACT_EVERY
 * commits. Diagnostic for docs/PERFORMANCE.md section 36, not part of the build:
 *
 *   java -Dschema=persistence/src/main/resources/io/riskpulse/persistence/h2-schema.sql -Devery=5000 \
 *     -cp <h2 jar> H2Commits.java COMMITS ROWS COMPACT_EVERY FILL [EXTRA_URL_SETTINGS]
 */
public class H2Commits {
  public static void main(String[] a) throws Exception {
    int commits = Integer.parseInt(a[0]);
    int rowsPerCommit = Integer.parseInt(a[1]);
    int compactEvery = Integer.parseInt(a[2]); // 0 = never
    int fill = a.length > 3 ? Integer.parseInt(a[3]) : 90;
    String extra = a.length > 4 ? a[4] : "";
    Path dir = Files.createTempDirectory("h2-commits");
    String url = "jdbc:h2:file:" + dir + "/journal;DATABASE_TO_UPPER=false;WRITE_DELAY=0;CACHE_SIZE=1024" + extra;
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      String ddl = String.join("\n", Files.readAllLines(Paths.get(System.getProperty("schema"))).stream().filter(l -> !l.startsWith("--")).toList());
      for (String s : ddl.split(";")) if (!s.isBlank()) c.createStatement().execute(s);
      c.setAutoCommit(false);
      MVStore store = ((org.h2.engine.SessionLocal) ((org.h2.jdbc.JdbcConnection) c).getSession()).getDatabase().getStore().getMvStore();
      PreparedStatement ins = c.prepareStatement("INSERT INTO \"event_journal\" (\"deleted\",\"persistence_id\",\"sequence_number\",\"writer\",\"write_timestamp\",\"adapter_manifest\",\"event_payload\",\"event_ser_id\",\"event_ser_manifest\") VALUES (false,?,?,?,?,'',?,1000,'E')", Statement.RETURN_GENERATED_KEYS);
      PreparedStatement tag = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\",\"tag\") VALUES (?,?)");
      long[] seq = new long[50];
      Random r = new Random(1);
      byte[] payload = new byte[Integer.getInteger("payload", 300)];
      String writer = UUID.randomUUID().toString();
      long t0 = System.nanoTime(), tl = t0; java.lang.reflect.Field wb = org.h2.mvstore.FileStore.class.getDeclaredField("writeBytes"); wb.setAccessible(true); long wl = 0;
      for (int i = 1; i <= commits; i++) {
        for (int k = 0; k < rowsPerCommit; k++) {
          int p = r.nextInt(50);
          r.nextBytes(payload);
          ins.setString(1, "Portfolio|P-" + (1000 + p));
          ins.setLong(2, ++seq[p]);
          ins.setString(3, writer);
          ins.setLong(4, System.currentTimeMillis());
          ins.setBytes(5, payload);
          ins.executeUpdate();
          try (ResultSet rs = ins.getGeneratedKeys()) { rs.next(); tag.setLong(1, rs.getLong(1)); }
          tag.setString(2, "fill");
          tag.executeUpdate();
        }
        c.commit();
        if (compactEvery > 0 && i % compactEvery == 0) store.compact(fill, 1 << 20);
        if (i % Integer.getInteger("every", 5000) == 0) {
          long now = System.nanoTime();
          long w = ((java.util.concurrent.atomic.AtomicLong) wb.get(store.getFileStore())).get(); System.out.printf("KB/commit %.1f ", (w - wl) / Integer.getInteger("every", 5000) / 1024.0); wl = w;
          System.out.printf("commits %d  us/commit %.1f  fillRate %d chunksFill %d chunks %d file %d KB%n", i, (now - tl) / Integer.getInteger("every", 5000) / 1e3, store.getFillRate(), store.getFileStore().getChunksFillRate(), store.getLayoutMap().size(), Files.size(dir.resolve("journal.mv.db")) / 1024);
          tl = now;
        }
      }
      System.out.printf("total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
  }
}
