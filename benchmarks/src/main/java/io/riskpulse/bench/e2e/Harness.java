package io.riskpulse.bench.e2e;

/** Process set-up shared by the harness mains. */
final class Harness {

  private Harness() {}

  /** Quiet logging (warnings to stderr) unless a logback configuration is given; call first in main. */
  static void init() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-bench.xml");
    }
  }
}
