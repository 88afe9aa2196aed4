package io.riskpulse.node.cli;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.riskpulse.ingestion.aeron.AeronSettings;
import io.riskpulse.node.NodeConfig;
import java.util.concurrent.Callable;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskpulse driver}: a standalone Aeron media driver for the host, so feeds survive a node restart
 * (nodes then run with {@code riskpulse.ingestion.aeron.embedded-driver = off}).
 */
@Command(name = "driver", mixinStandardHelpOptions = true,
    description = "Run a standalone Aeron media driver for this host until Ctrl-C.")
public final class DriverCommand implements Callable<Integer> {

  @Option(names = "--aeron-dir", description = "Driver directory. Default: riskpulse.ingestion.aeron.directory.")
  String aeronDir;

  @Override
  public Integer call() {
    String directory = aeronDir != null ? aeronDir : AeronSettings.fromConfig(NodeConfig.load()).directory();
    try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
        .aeronDirectoryName(directory).threadingMode(ThreadingMode.SHARED).dirDeleteOnStart(true)
        .dirDeleteOnShutdown(true))) {
      System.out.println("Aeron media driver on " + directory + "; Ctrl-C stops it.");
      new ShutdownSignalBarrier().await();
    }
    return 0;
  }
}
