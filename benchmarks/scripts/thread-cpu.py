#!/usr/bin/env python3
"""CPU time per thread group of a running JVM over a window, from /proc (Linux).

    benchmarks/scripts/thread-cpu.py PID [SECONDS]

Reads utime+stime of every thread of PID at the start and the end of the window and prints, per thread name
(the full Java name from `jcmd PID Thread.print`, as /proc
keeps only 15 characters) with digits folded to N (so pool threads group together), the cores used on average. Threads that started
and ended inside the window are invisible to /proc at both ends; their time shows as "(threads that came and
went)" = process total minus the threads seen.
"""
import os
import re
import sys
import time
from collections import defaultdict

from jvm_threads import java_names, per_thread

TICKS = os.sysconf("SC_CLK_TCK")


def snapshot(pid):
    def ticks(tid):
        with open(f"/proc/{pid}/task/{tid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    threads = per_thread(pid, ticks)
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return threads, int(fields[11]) + int(fields[12])


def main():
    pid = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    before, total_before = snapshot(pid)
    start = time.time()
    time.sleep(seconds)
    after, total_after = snapshot(pid)
    wall = time.time() - start
    names = java_names(pid)
    groups = defaultdict(float)
    seen = 0
    for tid, (name, ticks) in after.items():
        used = ticks - (before[tid][1] if tid in before else 0)
        groups[re.sub(r"\d+", "N", names.get(tid, name))] += used
        seen += used
    total = total_after - total_before
    groups["(threads that came and went)"] += max(0, total - seen)
    print(f"process: {total / TICKS / wall:.2f} cores over {wall:.1f} s")
    for name, ticks in sorted(groups.items(), key=lambda kv: -kv[1]):
        if ticks > 0:
            print(f"  {ticks / TICKS / wall:5.2f}  {name}")


if __name__ == "__main__":
    main()
