package io.riskpulse.bench.e2e;

import java.util.HashMap;
import java.util.Map;

/**
 * Harness options as {@code key=value} arguments, falling back to {@code -Dbench.key=value} system properties,
 * then to the harness's default. Every value used is echoed in the report so a figure carries its settings.
 */
final class BenchArgs {

  private final Map<String, String> values = new HashMap<>();
  private final StringBuilder used = new StringBuilder();

  BenchArgs(String[] args) {
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
  }

  long number(String key, long defaultValue) {
    String raw = values.getOrDefault(key, System.getProperty("bench." + key));
    long value = raw == null ? defaultValue : Long.parseLong(raw.replace("_", ""));
    used.append(used.length() == 0 ? "" : " ").append(key).append('=').append(value);
    return value;
  }

  int integer(String key, int defaultValue) {
    return Math.toIntExact(number(key, defaultValue));
  }

  /** A comma-separated list of whole numbers ({@code 2000,5000,10000}); {@code defaults} when not given. */
  int[] integers(String key, int... defaults) {
    String raw = values.getOrDefault(key, System.getProperty("bench." + key));
    int[] list = raw == null ? defaults.clone()
        : java.util.Arrays.stream(raw.split(",")).map(String::trim).map(v -> v.replace("_", ""))
            .mapToInt(Integer::parseInt).toArray();
    used.append(used.length() == 0 ? "" : " ").append(key).append('=')
        .append(java.util.Arrays.stream(list).mapToObj(Integer::toString)
            .collect(java.util.stream.Collectors.joining(",")));
    return list;
  }

  /** One of {@code allowed} (the first is the default); anything else fails, naming the choices. */
  String choice(String key, String... allowed) {
    String value = values.getOrDefault(key, System.getProperty("bench." + key, allowed[0]));
    if (!java.util.List.of(allowed).contains(value)) {
      throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed) + ", got '" + value
          + "'");
    }
    used.append(used.length() == 0 ? "" : " ").append(key).append('=').append(value);
    return value;
  }

  /** Free text ({@code defaultValue} when not given), echoed as given. */
  String text(String key, String defaultValue) {
    String value = values.getOrDefault(key, System.getProperty("bench." + key, defaultValue));
    used.append(used.length() == 0 ? "" : " ").append(key).append('=').append(value);
    return value;
  }

  /** The options in effect, {@code key=value} separated by spaces. */
  String used() {
    return used.toString();
  }
}
