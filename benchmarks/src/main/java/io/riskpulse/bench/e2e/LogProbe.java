package io.riskpulse.bench.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Timestamps of log lines the product already writes, taken with {@link System#nanoTime()} on the thread that
 * writes them: a way to time the steps of a flow inside the node without changing product code. A Logback appender
 * is attached to the named loggers (level INFO, not passed on to the console); the handler sees each event with
 * the time it was logged. SLF4J loggers (Pekko typed actors' {@code context.getLog()}, QuickFIX/J's message log)
 * call appenders synchronously, so the stamp is the instant the product code reached the log statement.
 *
 * <p>Costs one event formatting per line at INFO where the product logs at INFO anyway; use only on loggers that
 * log per flow step, not per message of a hot path.
 */
final class LogProbe extends UnsynchronizedAppenderBase<ILoggingEvent> {

  /** Told of each event on the probed loggers, on the logging thread; must be quick and thread-safe. */
  @FunctionalInterface
  interface Handler {
    /** @return whether the event was expected; an unexpected one at WARN or above is printed to stderr */
    boolean handle(long nanoTime, ILoggingEvent event);
  }

  private final Handler handler;

  private LogProbe(Handler handler) {
    this.handler = handler;
  }

  /** Attaches a probe calling {@code handler} to each logger named (and its children). Call after {@link Harness#init}. */
  static LogProbe install(Handler handler, String... loggerNames) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogProbe probe = new LogProbe(handler);
    probe.setContext(context);
    probe.setName("bench-log-probe");
    probe.start();
    for (String name : loggerNames) {
      Logger logger = context.getLogger(name);
      logger.setLevel(Level.INFO);
      logger.setAdditive(false);
      logger.addAppender(probe);
    }
    return probe;
  }

  @Override
  protected void append(ILoggingEvent event) {
    long now = System.nanoTime();
    boolean expected;
    try {
      expected = handler.handle(now, event);
    } catch (RuntimeException e) {
      expected = false;
    }
    if (!expected && event.getLevel().isGreaterOrEqual(Level.WARN)) {
      System.err.println(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage());
    }
  }
}
