#!/usr/bin/env python3
"""Latency episodes of a FillLatency timeline, and which of them a young pause explains.

    benchmarks/scripts/latency-timeline.py TIMELINE [GC_LOG] [THRESHOLD_MS]

TIMELINE is what `FillLatency timeline=FILE` wrote: per 10 ms of intended send time, the repetition, the JVM's
uptime (s), the fills intended and the longest latency among them (ms). An episode is a run of windows whose longest
latency is above THRESHOLD_MS (default 20). GC_LOG is the same run's `-Xlog:gc:file=...:uptime`; an episode counts as
a pause's when a pause ended within 60 ms before its first window's start or inside it. Prints per repetition the
episodes, how many a pause explains, their peaks, and the time between the starts of the unexplained ones.
"""
import re
import statistics
import sys


def main():
    timeline = sys.argv[1]
    gc_log = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].replace('.', '').isdigit() else None
    threshold = float(sys.argv[-1]) if sys.argv[-1].replace('.', '').isdigit() else 20.0
    pauses = []  # (end uptime s, ms)
    if gc_log:
        for line in open(gc_log):
            m = re.match(r"\[([\d.]+)s\].*Pause.* ([\d.]+)ms", line)
            if m:
                pauses.append((float(m.group(1)), float(m.group(2))))
    reps = {}
    for line in open(timeline):
        rep, up, count, worst = line.split()
        reps.setdefault(rep, []).append((float(up), int(count), float('inf') if worst == 'lost' else float(worst)))
    for rep, windows in reps.items():
        episodes = []
        for up, _, worst in windows:
            if worst > threshold:
                if episodes and up - episodes[-1][1] <= 0.0101:
                    episodes[-1][1] = up
                    episodes[-1][2] = max(episodes[-1][2], worst)
                else:
                    episodes.append([up, up, worst])
        explained = []
        unexplained = []
        for start, end, peak in episodes:
            # the windows are of intended send time: a fill intended before a pause waits for its end
            by_pause = any(start - 0.06 <= p_end - p_ms / 1000 and p_end - p_ms / 1000 <= end + 0.01 + 0.06
                           or start - 0.06 <= p_end <= end + 0.07 for p_end, p_ms in pauses)
            (explained if by_pause else unexplained).append((start, peak))
        peaks = sorted(p for _, p in unexplained)
        gaps = [round(b[0] - a[0], 2) for a, b in zip(unexplained, unexplained[1:])]
        print(f"rep {rep}: {len(windows)} windows, {len(episodes)} episodes above {threshold:g} ms; "
              f"{len(explained)} within a young pause"
              + (f" (peaks median {statistics.median(p for _, p in explained):.1f} ms)" if explained else ""))
        if unexplained:
            print(f"  not a pause: {len(unexplained)}, peaks median {statistics.median(peaks):.1f} ms, max "
                  f"{max(peaks):.1f}; starts (s) {' '.join(f'{s:.2f}' for s, _ in unexplained)}")
            print(f"  seconds between their starts: {' '.join(map(str, gaps))}")


if __name__ == "__main__":
    main()
