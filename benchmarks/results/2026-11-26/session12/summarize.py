#!/usr/bin/env python3
"""Tables of docs/PERFORMANCE.md section 8 from the GrpcLatency outputs of this folder.

    benchmarks/results/2026-11-26/session12/summarize.py > benchmarks/results/2026-11-26/session12/summary.txt

Per output: the harness's own summary row (medians of the repetitions), and per path the share of offered calls
that failed (dropped at the in-flight bound, past the deadline, or any other error), the median achieved rate, and
this process's and the other processes' CPU per window, and the JIT compilers' share (outputs that have it).
"""
import glob
import os
import re
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))
ROW = re.compile(r"^\s*(\d+)\s+(gRPC|in-process)\s+(\d+)\s+(\d+)\s+([\d,.]+)\s+([\d,.]+)\s+([\d,.]+)\s+([\d,.]+)\s+"
                 r"([\d,.]+)\s+\S+\s+\S+\s+([\d,]+)\s+(\d+)\s+(?:([\d.]+)\s+)?([\d.]+)/([\d.]+)\s*$")


def number(text):
    return float(text.replace(",", ""))


def main():
    for path in sorted(glob.glob(os.path.join(HERE, "*.txt"))):
        name = os.path.basename(path)[:-4]
        if name in ("runs", "summary") or name.endswith("-jfr"):
            continue
        with open(path, errors="replace") as f:
            lines = f.read().splitlines()
        options = next((l for l in lines if l.startswith("options:")), "")
        summary = next((l for l in lines if l.startswith("row:")), "(no summary: run incomplete)")
        per_path = {}
        measured = False
        for line in lines:
            if line.startswith("measured:"):
                measured = True
            m = ROW.match(line)
            if measured and m:
                rate, count = int(m.group(3)), int(m.group(4))
                errors = int(m.group(11))
                per_path.setdefault(m.group(2), []).append(
                    (rate, errors, number(m.group(10)), float(m.group(13)), float(m.group(14)),
                     float(m.group(12)) if m.group(12) else float("nan")))
        print(f"{name}: {options[len('options: '):]}")
        print(f"  {summary}")
        for label, reps in per_path.items():
            rate = reps[0][0]
            seconds = int(re.search(r"seconds=(\d+)", options).group(1))
            failed = [100.0 * r[1] / (rate * seconds) for r in reps]
            print(f"  {label:10s} failed {', '.join(f'{x:.1f}%' for x in failed)} of offered; achieved median "
                  f"{statistics.median(r[2] for r in reps):,.0f}/s; cores this "
                  f"{', '.join(f'{r[3]:.2f}' for r in reps)}; others {', '.join(f'{r[4]:.2f}' for r in reps)}; "
                  f"JIT {', '.join(f'{r[5]:.2f}' for r in reps)}")
        print()


if __name__ == "__main__":
    main()
