package io.riskpulse.node.detect;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.PortfolioDetectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One portfolio's open anomaly episodes, kept exactly as the live entity keeps them, so that the replay raises
 * the alerts the node would raise.
 *
 * <p>Mirrors {@code Portfolio.addAnomalyEvents}: a finding opens an episode (an alert) when its key is neither
 * open nor already opened by an earlier finding of the same batch; findings of open episodes are ignored. Mirrors
 * the mark timer ({@code Portfolio.onMarkToMarket}): the tick's findings are admitted first, then
 * {@link PortfolioDetectors#quietEpisodes} is asked about the episodes open <em>before</em> the tick (the
 * entity's state before its new events are applied) and those that went quiet close. Not thread-safe.
 */
final class EpisodeBook {

  private final Set<String> open = new HashSet<>();

  /** The findings that open an episode, in order; their keys are open afterwards. */
  List<DetectionSignal> admit(List<DetectionSignal> findings) {
    if (findings.isEmpty()) {
      return List.of();
    }
    List<DetectionSignal> opened = new ArrayList<>(1);
    Set<String> inBatch = new HashSet<>();
    for (DetectionSignal finding : findings) {
      if (open.contains(finding.key()) || !inBatch.add(finding.key())) {
        continue;
      }
      opened.add(finding);
    }
    for (DetectionSignal finding : opened) {
      open.add(finding.key());
    }
    return opened;
  }

  /** The mark timer at {@code nowMillis}: the findings that open an episode; quiet episodes close. */
  List<DetectionSignal> tick(PortfolioDetectors detectors, Collection<String> heldSymbols, long nowMillis) {
    Set<String> openBefore = Set.copyOf(open);
    List<DetectionSignal> opened = admit(detectors.onTick(heldSymbols, nowMillis));
    open.removeAll(detectors.quietEpisodes(openBefore, nowMillis));
    return opened;
  }

  /** Whether the episode {@code key} is open (what the entity's state answers its detectors). */
  boolean isOpen(String key) {
    return open.contains(key);
  }

  /** Keys of the open episodes. */
  Set<String> openKeys() {
    return Set.copyOf(open);
  }
}
