import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class Repro {
  static String url(String dir, String extra) {
    return "jdbc:h2:file:" + dir + "/journal;DATABASE_TO_UPPER=false;WRITE_DELAY=" + System.getProperty("wd", "100")
        + ";LOCK_TIMEOUT=10000" + extra;
  }

  public static void main(String[] a) throws Exception {
    if (a[0].equals("child")) child(a[1]); else parent(a[1], Integer.parseInt(a[2]));
  }

  static void child(String dir) throws Exception {
    String u = url(dir, "");
    try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
      for (String stmt : Files.readString(Path.of("schema.sql")).split(";")) {
        if (!stmt.isBlank()) c.createStatement().execute(stmt);
      }
    }
    if (Boolean.getBoolean("single")) { single(u); return; }
    boolean checkpoint = !Boolean.getBoolean("nocp");
    boolean snapshots = !Boolean.getBoolean("nosnap");
    ExecutorService pool = Executors.newCachedThreadPool();
    AtomicLong seqBase = new AtomicLong(System.nanoTime());
    for (int w = 0; w < Integer.getInteger("writers", 4); w++) {
      int writer = w;
      pool.submit(() -> {
        try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
          PreparedStatement ins = c.prepareStatement("insert into \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") values (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
          PreparedStatement tag = c.prepareStatement("insert into \"event_tag\" (\"event_id\", \"tag\") values (?,?)");
          Random r = new Random();
          byte[] payload = new byte[300];
          long[] seq = new long[50];
          while (true) {
            int pid = r.nextInt(50);
            boolean ac = Boolean.getBoolean("ac");
            c.setAutoCommit(ac);
            int n = ac ? 1 : 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
              r.nextBytes(payload);
              ins.setString(1, "Portfolio|w" + writer + "-p" + pid + "-" + ProcessHandle.current().pid());
              ins.setLong(2, ++seq[pid]);
              ins.setString(3, "w");
              ins.setLong(4, System.currentTimeMillis());
              ins.setString(5, "");
              ins.setBytes(6, payload);
              ins.setInt(7, 1);
              ins.setString(8, "E");
              ins.executeUpdate();
              try (ResultSet k = ins.getGeneratedKeys()) {
                if (k.next() && !Boolean.getBoolean("notags") && r.nextInt(4) == 0) { tag.setLong(1, k.getLong(1)); tag.setString(2, "alert"); tag.executeUpdate(); }
              }
            }
            if (!ac) c.commit();
          }
        } catch (Throwable t) { t.printStackTrace(); }
        return null;
      });
    }
    if (checkpoint) pool.submit(() -> {
      try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
        while (true) { c.createStatement().execute("CHECKPOINT"); Thread.sleep(2); }
      } catch (Throwable t) { t.printStackTrace(); }
      return null;
    });
    if (snapshots) pool.submit(() -> {
      try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
        PreparedStatement ins = c.prepareStatement("merge into \"snapshot\" (\"persistence_id\", \"sequence_number\", \"created\", \"snapshot_ser_id\", \"snapshot_ser_manifest\", \"snapshot_payload\") key (\"persistence_id\", \"sequence_number\") values (?,?,?,?,?,?)");
        PreparedStatement del = c.prepareStatement("delete from \"snapshot\" where \"persistence_id\" = ? and \"sequence_number\" < ?");
        Random r = new Random();
        long s = 0;
        while (true) {
          String pid = "Portfolio|p" + r.nextInt(20);
          s++;
          byte[] blob = new byte[2000 + r.nextInt(60000)];
          r.nextBytes(blob);
          ins.setString(1, pid); ins.setLong(2, s); ins.setLong(3, 0); ins.setInt(4, 1); ins.setString(5, "S"); ins.setBytes(6, blob);
          ins.executeUpdate();
          del.setString(1, pid); del.setLong(2, s - 40); del.executeUpdate();
          Thread.sleep(3);
        }
      } catch (Throwable t) { t.printStackTrace(); }
      return null;
    });
    if (!Boolean.getBoolean("noread")) pool.submit(() -> {
      try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
        PreparedStatement q = c.prepareStatement("select * from \"event_journal\" where \"persistence_id\" = ? and \"sequence_number\" >= ? order by \"sequence_number\" limit 100");
        Random r = new Random();
        while (true) {
          q.setString(1, "Portfolio|w" + r.nextInt(4) + "-p" + r.nextInt(50) + "-" + ProcessHandle.current().pid()); q.setLong(2, r.nextInt(100));
          try (ResultSet rs = q.executeQuery()) { while (rs.next()) { } }
        }
      } catch (Throwable t) { t.printStackTrace(); }
      return null;
    });
    if (!Boolean.getBoolean("nodel")) pool.submit(() -> {
      try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
        PreparedStatement ins = c.prepareStatement("insert into \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") values (?,?,?,?,?,?,?,?)");
        PreparedStatement del = c.prepareStatement("delete from \"event_journal\" where \"persistence_id\" = ? and \"sequence_number\" <= ?");
        Random r = new Random();
        long[] seq = new long[10];
        byte[] payload = new byte[2000];
        while (true) {
          int d = r.nextInt(10);
          String pid = "Checkpoint|d" + d + "-" + ProcessHandle.current().pid();
          r.nextBytes(payload);
          ins.setString(1, pid); ins.setLong(2, ++seq[d]); ins.setString(3, "w"); ins.setLong(4, 0); ins.setString(5, ""); ins.setBytes(6, payload); ins.setInt(7, 1); ins.setString(8, "C");
          ins.executeUpdate();
          if (seq[d] % 5 == 0) { del.setString(1, pid); del.setLong(2, seq[d] - 2); del.executeUpdate(); }
          Thread.sleep(1);
        }
      } catch (Throwable t) { t.printStackTrace(); }
      return null;
    });
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  static void single(String u) throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    pool.submit(() -> {
      try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
        PreparedStatement q = c.prepareStatement("select * from \"event_journal\" where \"persistence_id\" = ? and \"sequence_number\" >= ? order by \"sequence_number\" limit 100");
        PreparedStatement snap = c.prepareStatement("select * from \"snapshot\" where \"persistence_id\" = ? order by \"sequence_number\" desc limit 1");
        Random r = new Random();
        while (true) {
          q.setString(1, "Portfolio|p" + r.nextInt(50) + "-" + ProcessHandle.current().pid()); q.setLong(2, r.nextInt(100));
          try (ResultSet rs = q.executeQuery()) { while (rs.next()) { } }
          snap.setString(1, "Portfolio|p" + r.nextInt(20));
          try (ResultSet rs = snap.executeQuery()) { while (rs.next()) rs.getBytes("snapshot_payload"); }
        }
      } catch (Throwable t) { t.printStackTrace(); }
      return null;
    });
    String me = "-" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(u, "riskpulse", "")) {
      PreparedStatement ins = c.prepareStatement("insert into \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") values (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
      PreparedStatement tag = c.prepareStatement("insert into \"event_tag\" (\"event_id\", \"tag\") values (?,?)");
      PreparedStatement del = c.prepareStatement("delete from \"event_journal\" where \"persistence_id\" = ? and \"sequence_number\" <= ?");
      PreparedStatement sins = c.prepareStatement("merge into \"snapshot\" (\"persistence_id\", \"sequence_number\", \"created\", \"snapshot_ser_id\", \"snapshot_ser_manifest\", \"snapshot_payload\") key (\"persistence_id\", \"sequence_number\") values (?,?,?,?,?,?)");
      PreparedStatement sdel = c.prepareStatement("delete from \"snapshot\" where \"persistence_id\" = ? and \"sequence_number\" < ?");
      Random r = new Random();
      long[] seq = new long[60];
      long s = 0;
      byte[] payload = new byte[300];
      System.out.println("ready");
      System.out.flush();
      while (true) {
        int pid = r.nextInt(60);
        String id = (pid < 50 ? "Portfolio|p" : "Checkpoint|d") + pid + me;
        c.setAutoCommit(false);
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          r.nextBytes(payload);
          ins.setString(1, id); ins.setLong(2, ++seq[pid]); ins.setString(3, "w"); ins.setLong(4, 0); ins.setString(5, ""); ins.setBytes(6, payload); ins.setInt(7, 1); ins.setString(8, "E");
          ins.executeUpdate();
          try (ResultSet k = ins.getGeneratedKeys()) {
            if (k.next() && r.nextInt(4) == 0) { tag.setLong(1, k.getLong(1)); tag.setString(2, "alert"); tag.executeUpdate(); }
          }
        }
        c.commit();
        c.setAutoCommit(true);
        if (pid >= 50 && seq[pid] % 5 == 0) { del.setString(1, id); del.setLong(2, seq[pid] - 2); del.executeUpdate(); }
        if (r.nextInt(100) == 0) {
          String sp = "Portfolio|p" + r.nextInt(20); s++;
          byte[] blob = new byte[2000 + r.nextInt(60000)]; r.nextBytes(blob);
          sins.setString(1, sp); sins.setLong(2, s); sins.setLong(3, 0); sins.setInt(4, 1); sins.setString(5, "S"); sins.setBytes(6, blob);
          sins.executeUpdate();
          sdel.setString(1, sp); sdel.setLong(2, s - 40); sdel.executeUpdate();
        }
      }
    }
  }

  static void parent(String dir, int iterations) throws Exception {
    Random r = new Random();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> props = new ArrayList<>();
    for (String p : new String[] {"wd", "nocp", "nosnap", "nodel", "writers", "ac", "noread", "notags", "single"}) if (System.getProperty(p) != null) props.add("-D" + p + "=" + System.getProperty(p));
    for (int it = 1; it <= iterations; it++) {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m"));
      cmd.addAll(props);
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "Repro", "child", dir));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(new java.io.File(dir + "-child-err.txt"))).start();
      var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
      String line = out.readLine();
      if (!"ready".equals(line)) { System.out.println("child failed to start: " + line); String l; while ((l = out.readLine()) != null) System.out.println(l); return; }
      Thread.sleep(300 + r.nextInt(2500));
      p.destroyForcibly().waitFor();
      String problem = verify(dir);
      System.out.println("iteration " + it + ": " + (problem == null ? "ok" : "CORRUPT " + problem));
      if (problem != null) return;
    }
  }

  static String verify(String dir) {
    try (Connection c = DriverManager.getConnection(url(dir, ""), "riskpulse", "")) {
      List<String> pids = new ArrayList<>();
      long total = 0;
      try (ResultSet rs = c.createStatement().executeQuery("select \"persistence_id\", count(*) from \"event_journal\" group by \"persistence_id\"")) {
        while (rs.next()) { pids.add(rs.getString(1)); total += rs.getLong(2); }
      }
      long viaIndex = 0;
      PreparedStatement q = c.prepareStatement("select * from \"event_journal\" where \"persistence_id\" = ? and \"sequence_number\" >= 0");
      for (String pid : pids) {
        q.setString(1, pid);
        try (ResultSet rs = q.executeQuery()) { while (rs.next()) viaIndex++; }
      }
      try (ResultSet rs = c.createStatement().executeQuery("select count(*) from \"event_journal\" where \"ordering\" > 0")) { rs.next(); if (rs.getLong(1) != total) return "ordering index " + rs.getLong(1) + " vs " + total; }
      try (ResultSet rs = c.createStatement().executeQuery("select count(*), sum(length(\"snapshot_payload\")) from \"snapshot\"")) { rs.next(); }
      try (ResultSet rs = c.createStatement().executeQuery("select \"snapshot_payload\" from \"snapshot\"")) { while (rs.next()) rs.getBytes(1); }
      if (viaIndex != total) return "index " + viaIndex + " vs scan " + total;
      c.setAutoCommit(false);
      try {
        PreparedStatement ins = c.prepareStatement("insert into \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") values (?,?,?,?,?,?,?,?)");
        for (int i = 0; i < 200; i++) {
          ins.setString(1, "verify"); ins.setLong(2, i); ins.setString(3, "w"); ins.setLong(4, 0); ins.setString(5, ""); ins.setBytes(6, new byte[1]); ins.setInt(7, 1); ins.setString(8, "V");
          ins.executeUpdate();
        }
      } catch (SQLException e) {
        return "identity: " + e.getMessage().split("\n")[0];
      } finally {
        c.rollback();
      }
      return null;
    } catch (Throwable t) {
      return t.toString();
    }
  }
}
