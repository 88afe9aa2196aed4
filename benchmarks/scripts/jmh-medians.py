#!/usr/bin/env python3
"""Medians of a JMH JSON result (java -jar benchmarks.jar -rf json -rff FILE), with ratios to the baselines.

    benchmarks/scripts/jmh-medians.py FILE

Per benchmark: the median of every measurement iteration of every fork, the lowest and highest iteration, and
for the benchmarks that have a baseline in the same class and run, median / baseline median.
"""
import json
import statistics
import sys

BASELINES = {
    "FrameDecodeBenchmark.quoteValidateAndRead": "FrameDecodeBenchmark.quoteRawRead",
    "FrameDecodeBenchmark.quoteValidateToEvent": "FrameDecodeBenchmark.quoteRawRead",
    "FrameDecodeBenchmark.executionValidateAndRead": "FrameDecodeBenchmark.executionRawRead",
    "FrameDecodeBenchmark.executionValidateToEvent": "FrameDecodeBenchmark.executionRawRead",
    "MarketViewBenchmark.update": "MarketViewBenchmark.baselineMapPut",
    "PortfolioValuerBenchmark.marketView": "PortfolioValuerBenchmark.singleCurrency",
}


def main():
    with open(sys.argv[1]) as f:
        results = json.load(f)
    medians = {}
    rows = []
    for r in results:
        name = ".".join(r["benchmark"].split(".")[-2:])
        scores = [s for fork in r["primaryMetric"]["rawData"] for s in fork]
        medians[name] = statistics.median(scores)
        rows.append((name, medians[name], min(scores), max(scores), len(scores), r["primaryMetric"]["scoreUnit"]))
    print(f"{'benchmark':48} {'median':>10} {'min':>10} {'max':>10}  n  unit   ratio to baseline")
    for name, median, low, high, n, unit in rows:
        base = BASELINES.get(name)
        ratio = f"{median / medians[base]:.2f}x {base.split('.')[1]}" if base in medians else ""
        print(f"{name:48} {median:10.2f} {low:10.2f} {high:10.2f} {n:2d}  {unit:6} {ratio}")


if __name__ == "__main__":
    main()
