#!/usr/bin/env python3
"""Which of the sender's stalls (send lag above 2 ms, from stall-episodes.patch) overlap a G1 young pause.

Usage: stalls-vs-gc.py NAME... (reads NAME.txt and NAME-gc.log, written by run.sh). A stall of more than 8 ms
counts as the collector's when a pause ended between 5 ms before the stall's first late send and 10 ms after its
longest lag; the sends counted are the late sends of those stalls.
"""
import re
import sys

for name in sys.argv[1:]:
    pauses = []
    for line in open(f'{name}-gc.log'):
        m = re.match(r'\[(\d+\.\d+)s\].*Pause Young.* (\d+\.\d+)ms', line)
        if m:
            pauses.append((float(m.group(1)), float(m.group(2))))
    stalls = []
    for line in open(f'{name}.txt'):
        m = re.match(r'stall at (\d+\.\d+) s uptime: max lag (\d+\.\d+) ms, (\d+) sends', line)
        if m:
            stalls.append((float(m.group(1)), float(m.group(2)), int(m.group(3))))

    def in_pause(s):
        return any(s[0] - 0.005 <= t <= s[0] + s[1] / 1000 + 0.010 for t, _ in pauses)

    big = [s for s in stalls if s[1] > 8]
    gc_big = [s for s in big if in_pause(s)]
    durations = sorted(d for _, d in pauses)
    print(f'{name}: {len(stalls)} stalls over 2 ms, {sum(s[2] for s in stalls)} late sends; {len(big)} over 8 ms, '
          f'{len(gc_big)} of them with a young pause ({sum(s[2] for s in gc_big)} of their '
          f'{sum(s[2] for s in big)} late sends); {len(pauses)} young pauses, median {durations[len(durations) // 2]:.1f} ms')
