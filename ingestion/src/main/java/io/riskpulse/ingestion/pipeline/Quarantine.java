package io.riskpulse.ingestion.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskpulse.ingestion.event.IngestRejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter record of everything the ingestion edge refused: each entry has its source, sequence number,
 * reason and a detail. Entries are counted per reason, kept in memory (the most recent {@code keepRecent}),
 * appended to a JSON-lines file when one is configured (one object per line, for auditors and tools), and
 * logged: the first of each reason and every 1,000th after it, so a bad feed cannot flood the log.
 *
 * <p>Thread-safe: feeds on several threads report into one quarantine. Rejections are rare next to valid
 * traffic, so a lock around the file write is acceptable.
 */
public final class Quarantine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

  /** One refused message. {@code sequence} is -1 when it could not be read. */
  public record Entry(long atMillis, String sourceId, long sequence, IngestRejection reason, String detail) {}

  private final Map<IngestRejection, LongAdder> counts = new EnumMap<>(IngestRejection.class);
  private final ArrayDeque<Entry> recent = new ArrayDeque<>();
  private final int keepRecent;
  private final Clock clock;
  private final BufferedWriter file;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param file JSON-lines file to append to, or {@code null} for memory only
   * @param keepRecent entries kept in memory
   */
  public Quarantine(Path file, int keepRecent, Clock clock) {
    for (IngestRejection reason : IngestRejection.values()) {
      counts.put(reason, new LongAdder());
    }
    this.keepRecent = keepRecent;
    this.clock = clock;
    try {
      if (file != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        this.file = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open quarantine file " + file, e);
    }
  }

  /** Records a refused message. */
  public void add(String sourceId, long sequence, IngestRejection reason, String detail) {
    Entry entry = new Entry(clock.millis(), sourceId, sequence, reason, detail);
    LongAdder counter = counts.get(reason);
    counter.increment();
    long count = counter.sum();
    if (count == 1 || count % 1_000 == 0) {
      log.warn("Quarantined {} from {} seq {} ({} so far): {}", reason, sourceId, sequence, count, detail);
    }
    synchronized (this) {
      recent.addLast(entry);
      if (recent.size() > keepRecent) {
        recent.removeFirst();
      }
      if (file != null) {
        try {
          file.write(json.writeValueAsString(entry));
          file.newLine();
          file.flush();
        } catch (IOException e) {
          log.error("Cannot write quarantine entry {}", entry, e);
        }
      }
    }
  }

  /** Messages refused for this reason since start. */
  public long count(IngestRejection reason) {
    return counts.get(reason).sum();
  }

  /** All refusals since start. */
  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** The most recent entries, oldest first. */
  public synchronized List<Entry> recent() {
    return List.copyOf(recent);
  }

  @Override
  public synchronized void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
