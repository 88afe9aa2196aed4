package io.riskpulse.model.instrument;

import java.util.Locale;

/** Broad asset class of an instrument, used for exposure breakdowns and per-class shocks. */
public enum AssetClass {
  EQUITY,
  EQUITY_INDEX,
  RATES,
  CREDIT,
  FX,
  COMMODITY,
  REAL_ESTATE,
  CRYPTO;

  /**
   * Parses the spelling used in instrument files ({@code equity_index}, {@code Equity-Index}, ...).
   *
   * @throws IllegalArgumentException naming the value when it is not a known asset class
   */
  public static AssetClass parse(String text) {
    String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return valueOf(normalised);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown asset class '" + text + "'", e);
    }
  }
}
