#!/usr/bin/env python3
"""How long each thread group of a running JVM waited for a CPU over a window, from /proc (Linux schedstat).

    benchmarks/scripts/sched-wait.py PID [SECONDS]

Reads /proc/PID/task/TID/schedstat (time on a CPU, time runnable but waiting on a run queue, both in nanoseconds)
and the voluntary and involuntary context switches of /proc/PID/task/TID/status, at the start and the end of the
window, and prints per thread group (full Java names from `jcmd PID Thread.print`, digits folded to N): cores used,
cores' worth of waiting to run, the wait per run in microseconds (run-queue wait / runs, schedstat's third field:
times the thread was put on a CPU), runs per second, and the involuntary
switches per second (a thread taken off a CPU while it still had work: an actor's message half handled). A thread
that waits long to run after it was woken is what a wake-up chain (sender -> dispatcher -> entity -> completion)
pays on every hop.
"""
import re
import sys
import time
from collections import defaultdict

from jvm_threads import java_names, per_thread


def snapshot(pid):
    def counts(tid):
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            run, wait, slices = (int(x) for x in f.read().split())
        involuntary = 0
        with open(f"/proc/{pid}/task/{tid}/status") as f:
            for line in f:
                if line.startswith("nonvoluntary_ctxt_switches"):
                    involuntary = int(line.split()[1])
        return run, wait, slices, involuntary
    return {tid: (name,) + values for tid, (name, values) in per_thread(pid, counts).items()}


def main():
    pid = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    before = snapshot(pid)
    start = time.time()
    time.sleep(seconds)
    after = snapshot(pid)
    wall = time.time() - start
    names = java_names(pid)
    groups = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for tid, (name, run, wait, slices, invol) in after.items():
        b = before.get(tid, (name, 0, 0, 0, 0))
        g = groups[re.sub(r"\d+", "N", names.get(tid, name))]
        g[0] += run - b[1]
        g[1] += wait - b[2]
        g[2] += slices - b[3]
        g[4] += invol - b[4]
        g[5] += 1
    total = [sum(g[i] for g in groups.values()) for i in range(5)]
    print(f"window {wall:.1f} s; all threads: {total[0] / 1e9 / wall:.2f} cores running, "
          f"{total[1] / 1e9 / wall:.2f} cores' worth waiting to run, {total[2] / wall:,.0f} runs/s, "
          f"{total[4] / wall:,.0f} involuntary switches/s")
    print(" threads  cores  waiting  wait/run us   runs/s  invol/s  group")
    for name, g in sorted(groups.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        if g[0] + g[1] <= 0:
            continue
        per_run = g[1] / g[2] / 1e3 if g[2] else 0.0
        print(f"  {g[5]:6d}  {g[0] / 1e9 / wall:5.2f}  {g[1] / 1e9 / wall:7.3f}  {per_run:11.1f}  "
              f"{g[2] / wall:7,.0f}  {g[4] / wall:7,.0f}  {name}")


if __name__ == "__main__":
    main()
