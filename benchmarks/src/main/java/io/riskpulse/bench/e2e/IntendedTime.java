package io.riskpulse.bench.e2e;

import java.util.concurrent.locks.LockSupport;

/**
 * How an open-loop sender waits for the intended time of its next send: parked ({@link LockSupport#parkNanos}, the
 * thread sleeps) or spinning ({@link Thread#onSpinWait}, the thread keeps its core). One place, so that
 * {@link WakeUpFloor} measures exactly the wait the harnesses' senders make.
 */
final class IntendedTime {

  private IntendedTime() {}

  /**
   * Returns once {@link System#nanoTime} has reached {@code intendedNanos}, with the time it read then (at or after
   * {@code intendedNanos}; how much after is the sender's lateness).
   */
  static long await(long intendedNanos, boolean spin) {
    long now;
    while ((now = System.nanoTime()) < intendedNanos) {
      if (spin) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(intendedNanos - now);
      }
    }
    return now;
  }
}
