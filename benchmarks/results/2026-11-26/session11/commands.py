#!/usr/bin/env python3
"""The runs of session 11 (docs/PERFORMANCE.md, section 7), from the repository root of a built tree.

Each command is the one the doc shows. Because the machine is shared (concurrent Maven builds and test suites
on the same 2 cores), every run waits until the machine is quiet (other processes < 0.3 cores over 5 s) and is
repeated (up to 4 attempts) when other processes took 0.3 cores or more during any measured interval, as the
harness reports it ("cores this/others"; for JMH from /proc/stat and the run's own CPU time). A discarded attempt is
kept in noisy/ with an attempt number, and so is the output of an earlier invocation when a command is run again
(`commands.py pt` reruns the pre-trade harnesses only; jmh, pt, hl, diag select). runs.txt says what happened.
"""
import os
import re
import resource
import shutil
import subprocess
import sys
import time

OUT = "benchmarks/results/2026-11-26/session11"
CP = "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"
OPENS = ["--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"]
NOISE = 0.3
ATTEMPTS = 4


def log(text):
    with open(f"{OUT}/runs.txt", "a") as f:
        f.write(time.strftime("%H:%M:%S ", time.gmtime()) + text + "\n")


def busy_ticks():
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return sum(int(fields[i]) for i in (1, 2, 3, 6, 7, 8))


def quiet():
    for _ in range(120):
        before = busy_ticks()
        time.sleep(5)
        cores = (busy_ticks() - before) / 100 / 5
        if cores < NOISE:
            log(f"machine quiet: {cores:.2f} cores busy over 5 s")
            return
        log(f"machine busy ({cores:.2f} cores over 5 s), waiting")


def others_in(path):
    """The 'others' figures of every measured interval a harness printed."""
    found = []
    with open(path, errors="replace") as f:
        for line in f:
            if "first rejection" in line:
                continue
            m = re.search(r"(\d+\.\d\d)/(\d+\.\d\d)\s*$", line) or re.search(r"cores this/others (\d+\.\d\d)/(\d+\.\d\d)",
                                                                             line)
            if m:
                found.append(float(m.group(2)))
    return found


def set_aside(name):
    """Moves the current output of {name} to noisy/ under the next free attempt number."""
    if not os.path.exists(f"{OUT}/{name}.txt"):
        return
    os.makedirs(f"{OUT}/noisy", exist_ok=True)
    attempt = 1
    while os.path.exists(f"{OUT}/noisy/{name}-attempt{attempt}.txt"):
        attempt += 1
    for suffix in (".txt", "-gc.log", ".json"):
        if os.path.exists(f"{OUT}/{name}{suffix}"):
            shutil.move(f"{OUT}/{name}{suffix}", f"{OUT}/noisy/{name}-attempt{attempt}{suffix}")


def run(name, command, jmh=False):
    set_aside(name)  # a rerun of the command keeps every earlier output
    for attempt in range(1, ATTEMPTS + 1):
        quiet()
        log(f"{name}: attempt {attempt}: {' '.join(command)}")
        out = f"{OUT}/{name}.txt"
        start_ticks, start = busy_ticks(), time.time()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(out, "w") as f:
            subprocess.run(command, stdout=f, stderr=subprocess.STDOUT)
        wall = time.time() - start
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        if jmh:
            own = (children.ru_utime + children.ru_stime) - (children_before.ru_utime + children_before.ru_stime)
            machine = (busy_ticks() - start_ticks) / 100
            others = [max(0.0, (machine - own) / wall)]
            with open(out, "a") as f:
                f.write(f"\n[driver] wall {wall:.0f} s, cores this/others {own / wall:.2f}/{others[0]:.2f}\n")
        else:
            others = others_in(out)
        worst = max(others) if others else float("nan")
        log(f"{name}: attempt {attempt} done in {wall:.0f} s; others' cores per measured interval: "
            f"{', '.join(f'{o:.2f}' for o in others)}")
        if others and worst < NOISE:
            return
        if attempt < ATTEMPTS:
            set_aside(name)
    log(f"{name}: still noisy after {ATTEMPTS} attempts; kept the last")


def java(name, main, *args, jvm=()):
    return run(name, ["java", *OPENS, *jvm, f"-Xlog:gc:file={OUT}/{name}-gc.log", "-cp", CP,
                      f"io.riskpulse.bench.e2e.{main}", *args])


def main():
    only = set(sys.argv[1:])  # groups (jmh, pt, hl, diag) or single runs (e.g. hl-1000-1); nothing = everything
    log(f"start; commit {subprocess.check_output(['git', 'rev-parse', '--short', 'HEAD'], text=True).strip()} "
        f"with this session's benchmarks changes (uncommitted); selected: {' '.join(sorted(only)) or 'all'}")

    def jmh():
        run("jmh-pretrade", ["java", "-jar", "benchmarks/target/benchmarks.jar", "PreTradeCheckBenchmark", "-prof", "gc",
                             "-rf", "json", "-rff", f"{OUT}/jmh-pretrade.json"], jmh=True)
        with open(f"{OUT}/jmh-pretrade-medians.txt", "w") as f:
            subprocess.run(["python3", "benchmarks/scripts/jmh-medians.py", f"{OUT}/jmh-pretrade.json"], stdout=f)

    runs = [("jmh", "jmh-pretrade", jmh),
            ("pt", "pt", lambda: java("pt", "PreTradeLatency")),
            ("pt", "pt-var", lambda: java("pt-var", "PreTradeLatency", "risk=1"))]
    for rate in (1000, 5000):
        for n in (1, 2, 3):
            runs.append(("hl", f"hl-{rate}-{n}",
                         lambda rate=rate, n=n: java(f"hl-{rate}-{n}", "HaltLatency", f"loadRate={rate}")))
    runs.append(("diag", "pt-zgc", lambda: java("pt-zgc", "PreTradeLatency", "reps=1",
                                                 jvm=("-XX:+UseZGC", "-Xmx3g"))))
    for group, name, action in runs:
        if not only or group in only or name in only:
            action()
    logs = sorted(f"{OUT}/{f}" for f in os.listdir(OUT) if f.endswith("-gc.log") and "zgc" not in f)
    with open(f"{OUT}/gc.txt", "w") as f:
        subprocess.run(["python3", "benchmarks/scripts/gc-pauses.py", *logs], stdout=f)
    log("done")


if __name__ == "__main__":
    main()
