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

  /**
   * The report's first lines: what is measured, the machine, and the options as used (call once every option has
   * been read, so defaults are listed too).
   */
  static void banner(String title, BenchArgs options) {
    System.out.println(title);
    System.out.println("machine: " + Stats.machine());
    System.out.println("options: " + options.used());
  }
}
