#!/usr/bin/env python3
"""Samples of the journal's connection thread (db-N) by what they were inside, for section 28.

    jfr print --events jdk.ExecutionSample --stack-depth 80 REC.jfr > REC-samples.txt
    benchmarks/results/2026-11-29/ordering-cache/profile/db-thread.py REC-samples.txt...
"""
import collections
import re
import sys

KEYS = ["Sequence.flush", "JdbcConnection.commit", "MVStore.store(", "executeBatch", "Insert.insertRows",
        "MVTable.addRow", "MVSecondaryIndex.add", "executeQuery", "Delete"]

for path in sys.argv[1:]:
    events = open(path).read().split("jdk.ExecutionSample")[1:]
    db = [e for e in events if re.search(r'sampledThread = "db', e)]
    counts = collections.Counter(k for e in db for k in KEYS if k in e)
    print(f"{path}: {len(events)} samples, journal thread {len(db)} ({100 * len(db) / len(events):.1f}%)")
    for key in KEYS:
        print(f"  {counts[key]:6d}  {key}")
