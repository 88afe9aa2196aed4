package io.riskpulse.model.history;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the real daily data ({@code ../shared/data/daily}), skipping the calling test when it is absent. */
public final class SharedData {

  private SharedData() {}

  /** The {@code daily} folder; aborts (skips) the test when system property {@code riskpulse.shared.data} is unset
   * or does not lead to it. */
  public static Path dailyFolder() {
    String root = System.getProperty("riskpulse.shared.data");
    assumeTrue(root != null, "shared data folder absent: system property riskpulse.shared.data is not set");
    Path daily = Paths.get(root).resolve("daily").normalize();
    assumeTrue(Files.isDirectory(daily), "shared data folder absent: " + daily);
    return daily;
  }
}
