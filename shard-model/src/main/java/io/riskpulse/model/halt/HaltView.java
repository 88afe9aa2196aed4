package io.riskpulse.model.halt;

import java.util.List;
import java.util.Optional;

/**
 * The halts in force as this node knows them, read on every pre-trade check: must answer in nanoseconds and
 * never block. Implementations keep an immutable snapshot that a background component replaces.
 *
 * <p>Fail closed: a view that is not {@link #synchronised()} (never loaded, or not refreshed within its bound)
 * cannot tell that an order is <em>not</em> halted, so the pre-trade check rejects and says why.
 *
 * <p>Thread-safe: read from any portfolio's mailbox thread.
 */
public interface HaltView {

  /** A view with no halts that is always synchronised: for tests and tools without a kill switch. */
  HaltView NONE = new HaltView() {
    @Override
    public boolean synchronised() {
      return true;
    }

    @Override
    public String unsynchronisedReason() {
      return "";
    }

    @Override
    public Optional<ActiveHalt> covering(String portfolioId, String strategy, String trader, String desk,
        String symbol) {
      return Optional.empty();
    }

    @Override
    public List<ActiveHalt> all() {
      return List.of();
    }
  };

  /** Whether the view is known to be current (loaded, and refreshed within its staleness bound). */
  boolean synchronised();

  /** Why the view is not synchronised (e.g. "kill-switch state not loaded yet"); {@code ""} when it is. */
  String unsynchronisedReason();

  /**
   * The first halt in force covering an order with these attributes (see {@link HaltScope#covers}), if any.
   * Meaningless unless {@link #synchronised()}.
   */
  Optional<ActiveHalt> covering(String portfolioId, String strategy, String trader, String desk, String symbol);

  /** Every halt in force, oldest first. */
  List<ActiveHalt> all();
}
