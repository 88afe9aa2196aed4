#!/usr/bin/env python3
"""Section 39: one line per harness output in a directory (default: this script's), with its headline figures
and the collector's stopped time (from NAME-gc.log, as benchmarks/scripts/safepoint-pauses.py counts it)."""
import os, re, subprocess, sys

here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
pauses = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'scripts', 'safepoint-pauses.py')

def med(text, rate):
    m = re.search(r'^med\s+' + rate + r'\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)', text, re.M)
    return m.groups() if m else None

for name in sorted(f[:-4] for f in os.listdir(here) if f.endswith('.txt') and f != 'summary.txt'):
    text = open(os.path.join(here, name + '.txt')).read()
    line = None
    if name.startswith('fill-'):
        hi, lo = med(text, '5000'), med(text, '500')
        if hi and lo:
            line = f'5,000 fills/s p50 {hi[0]} p90 {hi[1]} p99 {hi[2]} p99.9 {hi[3]} ms; 500 fills/s p99 {lo[2]} ms'
    elif name.split('-')[0] in ('pretrade', 'inplace', 'many', 'quotes'):
        hi, lo = med(text, '20000'), med(text, '1000')
        if hi and lo:
            line = f'20,000 checks/s p50 {hi[0]} p90 {hi[1]} p99 {hi[2]} p99.9 {hi[3]} us; 1,000 checks/s p99 {lo[2]} us'
    elif name.startswith('halt-'):
        b = re.search(r'baseline, no load\s+(\S+)\s+(\S+)\s+(\S+)', text)
        l = re.search(r'load\s+1,000 fills/s\s+(\S+)\s+(\S+)\s+(\S+)', text)
        if b and l:
            line = f'ingest -> 35=q at 1,000 fills/s p50 {l.group(1)} p99 {l.group(3)} ms; no load p99 {b.group(3)} ms'
    elif name.startswith('throughput-'):
        m = re.findall(r'^(?:median|med)\S*.*$', text, re.M)
        line = ' | '.join(m[-2:]) if m else None
    elif name.startswith('grpc-'):
        # Per repetition: the first gRPC window of a run can still be compiling (its "jit" column); say which is which.
        rows = re.findall(r'^\s+(\d)\s+(gRPC|in-process)\s+\d+\s+\d+\s+(\S+)\s+\S+\s+(\S+)\s.*?(\d+\.\d\d)\s+\S+$',
                          text, re.M)
        line = '; '.join(f'rep {r} {path} p50 {p50} p99 {p99} us (jit {jit} cores)' for r, path, p50, p99, jit in rows) or None
    gc = os.path.join(here, name + '-gc.log')
    stopped = ''
    if os.path.exists(gc):
        out = subprocess.run([sys.executable, pauses, gc], capture_output=True, text=True).stdout.strip().splitlines()
        stopped = out[-1].split(': ', 1)[-1] if out else ''
    print(f'{name:22} {line or "(no result)"}  [{stopped}]')
