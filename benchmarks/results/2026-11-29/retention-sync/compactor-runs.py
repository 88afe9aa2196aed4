#!/usr/bin/env python3
"""Summarises the compactor's DEBUG lines of one output per 20 s of wall time (runs, how many rewrote pages, how
long they held the journal: median and max, the file's size at the end), then strips them from the output.
Usage: compactor-runs.py OUTPUT.txt >> compactor-runs.txt   (section 38; the outputs here are stripped already)"""
import re, sys, collections
path = sys.argv[1]
keep, buckets = [], collections.OrderedDict()
for line in open(path):
    m = re.match(r'(\d+):(\d+):(\d+)\.\d+ DEBUG .*budget (\d+) KB: rewrote (\w+), file (\d+) bytes, (\d+) µs', line)
    if not m:
        keep.append(line)
        continue
    t = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
    buckets.setdefault(t // 20 * 20, []).append((int(m.group(7)), m.group(5) == 'true', int(m.group(6)), m.group(4)))
print('== ' + path.split('/')[-1] + ': per 20 s of wall time: runs, rewrote, held the journal median/max (ms), '
      'budgets (KB), file at the end (GB)')
for t, runs in buckets.items():
    held = sorted(r[0] for r in runs)
    print('%02d:%02d:%02d %4d %4d %6.1f %6.1f %-12s %6.2f' % (t // 3600, t // 60 % 60, t % 60, len(runs),
          sum(r[1] for r in runs), held[len(held) // 2] / 1e3, held[-1] / 1e3,
          '/'.join(sorted(set(r[3] for r in runs))), runs[-1][2] / 1e9))
open(path, 'w').writelines(keep)
