#!/usr/bin/env python3
"""Stop-the-world pauses of any collector, from unified safepoint logs (java -Xlog:gc,safepoint:file=FILE).

    benchmarks/scripts/safepoint-pauses.py FILE...

Counts every safepoint (G1's evacuation pauses, ZGC's and Shenandoah's short pauses, a degenerated or full
collection alike) with its total time, reaching the safepoint included; prints count, median, p99, max and total
in milliseconds, and the share of the logged span spent stopped. Also lists ZGC's allocation stalls, which stop
only the allocating threads and are not safepoints. gc-pauses.py, for G1 only, adds the allocation rate.
"""
import re
import statistics
import sys

SAFEPOINT = re.compile(r'Safepoint "(\w+)".*Total: (\d+) ns')
UPTIME = re.compile(r"^\[(\d+\.\d+)s\]")
STALL = re.compile(r"Allocation Stall \(.*?\) ([\d.]+)ms")


def main():
    for path in sys.argv[1:]:
        pauses, stalls, first, last = [], [], None, None
        with open(path, errors="replace") as f:
            for line in f:
                m = UPTIME.match(line)
                if m:
                    t = float(m.group(1))
                    first = t if first is None else first
                    last = t
                s = SAFEPOINT.search(line)
                if s:
                    pauses.append(int(s.group(2)) / 1e6)
                a = STALL.search(line)
                if a:
                    stalls.append(float(a.group(1)))
        if not pauses or last == first:
            print(f"{path}: no safepoints logged")
            continue
        pauses.sort()
        span = last - first
        line = (f"{path}: {len(pauses)} pauses, median {statistics.median(pauses):.2f} ms, "
                f"p99 {pauses[min(len(pauses) - 1, int(0.99 * len(pauses)))]:.2f} ms, max {pauses[-1]:.2f} ms, "
                f"total {sum(pauses):.0f} ms in {span:.0f} s ({100 * sum(pauses) / 1000 / span:.2f}% stopped)")
        if stalls:
            line += f"; {len(stalls)} allocation stalls, max {max(stalls):.1f} ms"
        print(line)


if __name__ == "__main__":
    main()
