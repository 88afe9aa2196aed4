package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * The halts the kill switch has in force, as it answers {@link KillSwitchCommand.GetHalts} and publishes them
 * to every node after each change.
 *
 * @param version the kill switch's last journal sequence number when the snapshot was taken: a higher version is
 *     newer, so a receiver can drop snapshots that arrive late or out of order
 * @param halts every halt in force, oldest first
 */
public record HaltsSnapshot(long version, List<ActiveHalt> halts) implements CborSerializable {

  public HaltsSnapshot {
    halts = halts == null ? List.of() : List.copyOf(halts);
  }
}
