#!/usr/bin/env python3
"""Pools the repetitions of several CassandraJournalThroughput outputs (runs of one build).

    benchmarks/scripts/cassandra-journal-pool.py 'GLOB' ['GLOB' ...]

For each glob (one build's outputs): the number of runs and repetitions, each run's median ratio, the median ratio over
all repetitions with its range, and the medians over all repetitions of the journal side's CPU per row (this process +
Cassandra, then each), of the raw side's CPU per row, and of the journal's and raw rows per second.
"""
import glob
import re
import statistics
import sys

ROW = re.compile(r"^\s+(\d+)\s+([\d,]+)\s+([\d,]+)\s+([\d.]+)\s+\S+\s+\S+\s+(\d+)/(\d+)\s+(\d+)/(\d+)")


def repetitions(path):
    found = []
    with open(path) as f:
        for line in f:
            m = ROW.match(line)
            if m:
                found.append({"raw": int(m[2].replace(",", "")), "journal": int(m[3].replace(",", "")),
                              "ratio": float(m[4]), "raw_cpu": int(m[5]) + int(m[6]),
                              "journal_this": int(m[7]), "journal_cassandra": int(m[8]),
                              "journal_cpu": int(m[7]) + int(m[8])})
    return found


def main(patterns):
    for pattern in patterns:
        files = sorted(glob.glob(pattern))
        if not files:
            print(f"{pattern}: no file")
            continue
        reps = [r for f in files for r in repetitions(f)]
        med = lambda key: statistics.median(r[key] for r in reps)
        runs = [statistics.median(r["ratio"] for r in repetitions(f)) for f in files]
        print(f"{pattern}: {len(files)} runs, {len(reps)} repetitions; run medians {runs}; "
              f"ratio median {med('ratio'):.3f} (min {min(r['ratio'] for r in reps):.3f}, "
              f"max {max(r['ratio'] for r in reps):.3f}); journal CPU us/row {med('journal_cpu'):.1f} "
              f"(this {med('journal_this'):.1f}, cassandra {med('journal_cassandra'):.1f}); "
              f"raw CPU us/row {med('raw_cpu'):.1f}; rows/s journal {med('journal'):,.0f}, raw {med('raw'):,.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
