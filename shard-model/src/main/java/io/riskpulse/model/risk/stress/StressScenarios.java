package io.riskpulse.model.risk.stress;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.riskpulse.model.instrument.AssetClass;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured stress scenarios, read from {@code riskpulse.risk.stress.scenarios} (see this module's
 * reference.conf). Immutable and thread-safe.
 *
 * <p>Each entry of {@code scenarios} is keyed by the scenario name and has {@code kind = historical} with
 * {@code from}/{@code to} ISO dates, or {@code kind = hypothetical} with any of the objects {@code symbols},
 * {@code asset-classes}, {@code currencies} (relative price shocks, −0.20 for −20%) and {@code fx} (change in
 * a currency's value). Scenarios are keyed by name rather than listed so that an application.conf can add one,
 * override one field, or remove a default with {@code riskpulse.risk.stress.scenarios."gfc-2008-10" = null}.
 * Historical windows need price history, so they are resolved later with {@link #resolve}.
 */
public final class StressScenarios {

  private final List<HistoricalWindow> historicalWindows;
  private final List<StressScenario> hypothetical;

  public StressScenarios(List<HistoricalWindow> historicalWindows, List<StressScenario> hypothetical) {
    this.historicalWindows = List.copyOf(historicalWindows);
    this.hypothetical = List.copyOf(hypothetical);
  }

  /**
   * Reads {@code riskpulse.risk.stress.scenarios}, in name order.
   *
   * @throws IllegalArgumentException naming the scenario and field for a malformed entry
   */
  public static StressScenarios fromConfig(Config config) {
    ConfigObject scenarios = config.getObject("riskpulse.risk.stress.scenarios");
    List<HistoricalWindow> windows = new ArrayList<>();
    List<StressScenario> hypothetical = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(scenarios).entrySet()) {
      String name = entry.getKey();
      ConfigValue value = entry.getValue();
      if (value.valueType() == ConfigValueType.NULL) {
        continue;
      }
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw new IllegalArgumentException("stress scenario '" + name + "' must be an object, was " + value.valueType());
      }
      Config scenario = ((ConfigObject) value).toConfig();
      try {
        String description = scenario.hasPath("description") ? scenario.getString("description") : "";
        String kind = scenario.getString("kind").trim().toLowerCase(Locale.ROOT);
        switch (kind) {
          case "historical":
            windows.add(new HistoricalWindow(name, description,
                date(scenario.getString("from")), date(scenario.getString("to"))));
            break;
          case "hypothetical":
            hypothetical.add(StressScenario.hypothetical(name, description,
                fractions(scenario, "symbols"), assetClassFractions(scenario), fractions(scenario, "currencies"),
                fractions(scenario, "fx")));
            break;
          default:
            throw new IllegalArgumentException("kind must be historical or hypothetical, was '" + kind + "'");
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("stress scenario '" + name + "': " + e.getMessage(), e);
      }
    }
    return new StressScenarios(windows, hypothetical);
  }

  /** Historical definitions, in name order. */
  public List<HistoricalWindow> historicalWindows() {
    return historicalWindows;
  }

  /** Hypothetical scenarios, in name order. */
  public List<StressScenario> hypothetical() {
    return hypothetical;
  }

  /**
   * Every scenario, historical ones resolved over the given history; in name order.
   *
   * @param dates trading dates, strictly ascending
   * @param closes closes per symbol aligned with {@code dates}, NaN where missing
   */
  public List<StressScenario> resolve(LocalDate[] dates, Map<String, double[]> closes) {
    Map<String, StressScenario> byName = new TreeMap<>();
    for (HistoricalWindow window : historicalWindows) {
      byName.put(window.name(), window.resolve(dates, closes));
    }
    for (StressScenario scenario : hypothetical) {
      byName.put(scenario.name(), scenario);
    }
    return List.copyOf(byName.values());
  }

  private static Map<String, Double> fractions(Config scenario, String path) {
    Map<String, Double> fractions = new TreeMap<>();
    if (!scenario.hasPath(path)) {
      return fractions;
    }
    Config shocks = scenario.getConfig(path);
    for (String key : scenario.getObject(path).keySet()) {
      fractions.put(key, shocks.getDouble(ConfigUtil.quoteString(key)));
    }
    return fractions;
  }

  private static Map<AssetClass, Double> assetClassFractions(Config scenario) {
    Map<AssetClass, Double> fractions = new EnumMap<>(AssetClass.class);
    fractions(scenario, "asset-classes").forEach((key, value) -> {
      if (fractions.put(AssetClass.parse(key), value) != null) {
        throw new IllegalArgumentException("asset class " + key + " is shocked twice");
      }
    });
    return fractions;
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO date: '" + text + "'", e);
    }
  }
}
