#!/usr/bin/env python3
"""Medians of a JMH JSON result (java -jar benchmarks.jar -rf json -rff FILE), with ratios to the baselines.

    benchmarks/scripts/jmh-medians.py FILE

Per benchmark (and per @Param combination, shown as name[param=value]): the median of every measurement
iteration of every fork, the lowest and highest iteration, the median allocation per operation when the run
used -prof gc, and for the benchmarks that have a baseline in the same class and run (with the same params),
median / baseline median.
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
    "PreTradeCheckBenchmark.checkAndRecord": "PreTradeCheckBenchmark.valuationBaseline",
}


def params(result):
    p = result.get("params") or {}
    return "[" + ",".join(f"{k}={v}" for k, v in sorted(p.items())) + "]" if p else ""


def alloc(result):
    secondary = result.get("secondaryMetrics") or {}
    metric = secondary.get("gc.alloc.rate.norm") or secondary.get("\u00b7gc.alloc.rate.norm")
    if not metric:
        return ""
    scores = [s for fork in metric["rawData"] for s in fork]
    return f"{statistics.median(scores):.0f} B/op"


def main():
    with open(sys.argv[1]) as f:
        results = json.load(f)
    medians = {}
    rows = []
    for r in results:
        bare = ".".join(r["benchmark"].split(".")[-2:])
        suffix = params(r)
        name = bare + suffix
        scores = [s for fork in r["primaryMetric"]["rawData"] for s in fork]
        medians[name] = statistics.median(scores)
        rows.append((name, bare, suffix, medians[name], min(scores), max(scores), len(scores),
                     r["primaryMetric"]["scoreUnit"], alloc(r)))
    print(f"{'benchmark':48} {'median':>10} {'min':>10} {'max':>10}  n  unit   ratio to baseline")
    for name, bare, suffix, median, low, high, n, unit, allocated in rows:
        base = BASELINES.get(bare)
        base = base + suffix if base else None
        ratio = f"{median / medians[base]:.2f}x {base.split('.')[1]}" if base in medians else ""
        print(f"{name:48} {median:10.2f} {low:10.2f} {high:10.2f} {n:2d}  {unit:6} {ratio}"
              + (f"  {allocated}" if allocated else ""))


if __name__ == "__main__":
    main()
