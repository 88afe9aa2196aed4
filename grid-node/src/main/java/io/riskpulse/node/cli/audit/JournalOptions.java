package io.riskpulse.node.cli.audit;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which journal an audit command reads; by default the one the node's configuration names. */
final class JournalOptions {

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The embedded journal's folder (default: RISKPULSE_DATA_DIR, else ./data), e.g. a copy "
          + "taken for an audit.")
  Path dataDir;
}
