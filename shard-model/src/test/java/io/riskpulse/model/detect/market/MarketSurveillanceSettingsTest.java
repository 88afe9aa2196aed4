package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.CrossedBookSettings;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.DepthSettings;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.SpreadSettings;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.VpinSettings;
import org.junit.jupiter.api.Test;

class MarketSurveillanceSettingsTest {

  @Test
  void referenceConfHoldsTheDefaults() {
    assertEquals(MarketSurveillanceSettings.DEFAULTS,
        MarketSurveillanceSettings.fromConfig(ConfigFactory.defaultReference()));
  }

  @Test
  void applicationConfOverridesAKey() {
    MarketSurveillanceSettings settings = MarketSurveillanceSettings.fromConfig(ConfigFactory
        .parseString("riskpulse.detection.market { price-jump.k = 8, vpin.bar = 30s }")
        .withFallback(ConfigFactory.defaultReference()));
    assertEquals(8, settings.priceJump().k());
    assertEquals(30_000, settings.vpin().barMillis());
  }

  @Test
  void validationNamesTheOffendingKey() {
    assertMessage("spread.ratio", () -> new SpreadSettings(300, 100, 1.0, 4));
    assertMessage("depth.fraction", () -> new DepthSettings(5, 300, 100, 1.5));
    assertMessage("vpin.min-history", () -> new VpinSettings(50, 50, 0, 60_000, 1_000, 100, 200, 0.9, 0.4));
    assertMessage("vpin.percentile", () -> new VpinSettings(50, 50, 0, 60_000, 1_000, 100, 50, 1.0, 0.4));
    assertMessage("crossed-book.window", () -> new CrossedBookSettings(5, 0));
    assertMessage("price-jump.k", () -> MarketSurveillanceSettings.fromConfig(ConfigFactory
        .parseString("riskpulse.detection.market.price-jump.k = -1")
        .withFallback(ConfigFactory.defaultReference())));
  }

  private static void assertMessage(String field, Runnable construct) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }
}
