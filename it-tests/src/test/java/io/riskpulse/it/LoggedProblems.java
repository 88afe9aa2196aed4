package io.riskpulse.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A short digest of the WARN and ERROR lines in a node's console output, for test failure messages: the first line
 * of each distinct problem, with the {@code Caused by:} lines of its stack trace, and how often it occurred.
 */
final class LoggedProblems {

  /** The console layout's level field: {@code 08:36:06.201 ERROR logger - message}. */
  private static final Pattern LOG_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (ERROR|WARN) .*");
  private static final Pattern ANY_LOG_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} [A-Z]+ .*");
  private static final Pattern NUMBERS = Pattern.compile("\\d+");
  private static final int KEY_LENGTH = 100;
  private static final int MAX_PROBLEMS = 15;
  private static final int MAX_CAUSES = 3;

  private LoggedProblems() {}

  /** The digest of {@code output}, or "none" when it holds no WARN or ERROR line. */
  static String digest(String output) {
    Map<String, Problem> problems = new LinkedHashMap<>();
    Problem current = null;
    for (String line : output.split("\n")) {
      if (LOG_LINE.matcher(line).matches()) {
        // Numbers (times, counters, ports) and the ids near the end differ between occurrences of one problem.
        String key = NUMBERS.matcher(line.substring(13)).replaceAll("#");
        key = key.substring(0, Math.min(key.length(), KEY_LENGTH));
        current = problems.get(key);
        if (current == null && problems.size() < MAX_PROBLEMS) {
          current = new Problem(line);
          problems.put(key, current);
          continue;
        }
        if (current != null) {
          current.count++;
        }
        current = null; // causes are kept for the first occurrence only
      } else if (ANY_LOG_LINE.matcher(line).matches()) {
        current = null;
      } else if (current != null && line.startsWith("Caused by:") && current.causes.size() < MAX_CAUSES) {
        current.causes.add(line);
      }
    }
    if (problems.isEmpty()) {
      return "none";
    }
    StringBuilder digest = new StringBuilder();
    for (Problem problem : problems.values()) {
      digest.append(problem.count).append(" x ").append(problem.firstLine).append('\n');
      problem.causes.forEach(cause -> digest.append("      ").append(cause).append('\n'));
    }
    return digest.toString();
  }

  private static final class Problem {
    final String firstLine;
    final List<String> causes = new ArrayList<>();
    int count = 1;

    Problem(String firstLine) {
      this.firstLine = firstLine;
    }
  }
}
