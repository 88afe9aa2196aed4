#!/usr/bin/env python3
"""Young-collection pauses and allocation rate from unified GC logs (java -Xlog:gc:file=FILE).

    benchmarks/scripts/gc-pauses.py FILE...

Allocation is estimated as the sum over consecutive young collections of (heap before this one - heap after
the previous one), in MB, divided by the time between the first and the last collection.
"""
import re
import sys

PAUSE = re.compile(r"\[([\d.]+)s\].*Pause Young.* (\d+)M->(\d+)M\(\d+M\) ([\d.]+)ms")


def main():
    for path in sys.argv[1:]:
        pauses, allocated, previous_after, first, last = [], 0, None, None, None
        with open(path) as f:
            for line in f:
                m = PAUSE.search(line)
                if not m:
                    continue
                t, before, after, ms = float(m.group(1)), int(m.group(2)), int(m.group(3)), float(m.group(4))
                pauses.append(ms)
                if previous_after is not None:
                    allocated += before - previous_after
                previous_after = after
                first = t if first is None else first
                last = t
        if len(pauses) < 2:
            print(f"{path}: fewer than two young pauses")
            continue
        pauses.sort()
        span = last - first
        print(f"{path}: {len(pauses)} young pauses in {span:.0f} s, median {pauses[len(pauses) // 2]:.1f} ms, "
              f"p90 {pauses[int(len(pauses) * 0.9)]:.1f} ms, max {pauses[-1]:.1f} ms, "
              f"total {sum(pauses) / 1000:.1f} s; allocation ~{allocated / span:,.0f} MB/s")


if __name__ == "__main__":
    main()
