"""Threads of a running JVM from /proc (Linux), for thread-cpu.py and sched-wait.py."""
import os
import re
import subprocess


def per_thread(pid, read):
    """Thread id -> (comm name, read(tid)) for every thread of pid that still exists while it is read."""
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            threads[tid] = (name, read(tid))
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            pass
    return threads


def java_names(pid):
    """Native thread id -> full Java thread name, from a thread dump (/proc keeps only 15 characters)."""
    try:
        dump = subprocess.run(["jcmd", str(pid), "Thread.print"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return {}
    return {str(int(m.group(2), 16)): m.group(1) for m in re.finditer(r'^"(.*?)".*?nid=(0x[0-9a-f]+)', dump, re.M)}
