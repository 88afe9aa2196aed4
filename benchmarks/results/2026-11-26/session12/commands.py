#!/usr/bin/env python3
"""The runs of session 12 (docs/PERFORMANCE.md, section 8: gRPC API latency, issue 6), from the repository root of a
tree built with `mvn -B -o -q -pl benchmarks -am package -DskipTests`: a reactor build, so that benchmarks/target/lib
holds this tree's modules, not whatever snapshot another build last installed into ~/.m2.

    benchmarks/results/2026-11-26/session12/commands.py [GROUP|RUN ...]     # nothing = every group, in order

Groups: main (the four configurations at 5,000 calls/s, shipped JVM settings), fj2 (the same with the common pool at
parallelism 2: diagnostic, not a product setting), sweep (the rate the API sustains, TLS on, one repetition per rate
after a 30 s warm-up per path), profile (JFR of one run at 5,000 calls/s, with and without the diagnostic flag),
threads (CPU per thread group during a gRPC window: 500 calls/s as shipped, 2,000 calls/s with the diagnostic flag),
longwarm (TLS on at 5,000 calls/s after a 60 s warm-up per path instead of 10 s: is the JIT what collapses the API?).
"condense" alone only condenses the stderr files (done after every invocation anyway).

The machine is shared: before each run the script waits (at most 10 minutes) until other processes take less than
0.3 cores over 5 s, then runs once; it does not repeat noisy runs. The main and fj2 groups also write the CPU per
thread group over 15 s of the last gRPC window (NAME-threads.txt). Each harness prints what other processes took in
every measured window ("cores this/others"), and runs.txt lists that figure for every run. Each command is the one
the doc shows; GC logs beside each output.
"""
import os
import re
import subprocess
import sys
import time

OUT = "benchmarks/results/2026-11-26/session12"
CP = "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"
OPENS = ["--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"]
JFR = "<build>"  # recordings are large; their summaries are kept here (profile-*.txt)
FJ2 = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
NOISE = 0.3
MAX_WAIT_SECONDS = 600


def log(text):
    with open(f"{OUT}/runs.txt", "a") as f:
        f.write(time.strftime("%H:%M:%S ", time.gmtime()) + text + "\n")


def busy_ticks():
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return sum(int(fields[i]) for i in (1, 2, 3, 6, 7, 8))


def quiet():
    waited = 0
    while True:
        before = busy_ticks()
        time.sleep(5)
        waited += 5
        cores = (busy_ticks() - before) / 100 / 5
        if cores < NOISE:
            log(f"machine quiet: {cores:.2f} cores busy over 5 s")
            return
        if waited >= MAX_WAIT_SECONDS:
            log(f"machine still busy ({cores:.2f} cores over 5 s) after {waited} s: running anyway")
            return


def others_in(path):
    """The 'others' figure of every window a harness printed (warm-up included)."""
    found = []
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r"(\d+\.\d\d)/(\d+\.\d\d)\s*$", line)
            if m and re.match(r"\s*(\d+|-)\s+(gRPC|in-process)", line):
                found.append(float(m.group(2)))
    return found


def java(name, *args, jvm=(), sample_after=None):
    """Runs GrpcLatency with a GC log. With sample_after (a regex of an output line), also writes the CPU per thread
    group (scripts/thread-cpu.py) over 15 s starting 6 s after that line is printed, to NAME-threads.txt."""
    quiet()
    command = ["java", *OPENS, *jvm, f"-Xlog:gc:file={OUT}/{name}-gc.log", "-cp", CP,
               "io.riskpulse.bench.e2e.GrpcLatency", *args]
    log(f"{name}: {' '.join(command)}")
    start = time.time()
    with open(f"{OUT}/{name}.txt", "w") as out, open(f"{OUT}/{name}.err", "w") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        while sample_after and process.poll() is None:
            with open(f"{OUT}/{name}.txt") as f:
                if re.search(sample_after, f.read(), re.M):
                    time.sleep(6)  # the 2 s settle, then 4 s into the window
                    with open(f"{OUT}/{name}-threads.txt", "w") as threads_out:
                        subprocess.run(["python3", "benchmarks/scripts/thread-cpu.py", str(process.pid), "15"],
                                       stdout=threads_out)
                    break
            time.sleep(0.5)
        process.wait()
    others = others_in(f"{OUT}/{name}.txt")
    log(f"{name}: done in {time.time() - start:.0f} s; others' cores per window: "
        f"{', '.join(f'{o:.2f}' for o in others)}")


# Repetition 3 measures in-process first: the gRPC window starts 2 s after this line.
LAST_GRPC_WINDOW = r"^\s+3\s+in-process"
# Repetition 1 likewise, for single-repetition runs.
FIRST_GRPC_WINDOW = r"^\s+1\s+in-process"


def condense():
    """Stderr of an overloaded run holds one ERROR with a stack trace per cancelled call (tens of MB): keep the
    first 60 lines and a count of every distinct message line (ids and stream numbers folded) in NAME.err."""
    paths = sorted(os.path.join(folder, name) for folder, _, names in os.walk(OUT) for name in names)
    for path in paths:
        if not path.endswith(".err") or os.path.getsize(path) < 200_000:
            continue
        with open(path, errors="replace") as f:
            lines = f.read().splitlines()
        counts = {}
        for line in lines:
            if line.startswith(("\tat ", "\t... ")) or not line.strip():
                continue
            key = re.sub(r"error id [0-9a-f-]+", "error id X", re.sub(r"^\d\d:\d\d:\d\d\.\d+ ", "", line))
            key = re.sub(r"ID \[\d+\]", "ID [N]", key)
            counts[key] = counts.get(key, 0) + 1
        with open(path, "w") as f:
            f.write(f"[condensed by commands.py: {len(lines)} lines; the first 60, then each distinct message line "
                    f"with its count]\n")
            f.write("\n".join(lines[:60]) + "\n\n")
            for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
                f.write(f"{n:8d}  {key}\n")


def main():
    only = set(sys.argv[1:])
    log(f"start; commit {subprocess.check_output(['git', 'rev-parse', '--short', 'HEAD'], text=True).strip()} "
        f"with this session's benchmarks changes (uncommitted); selected: {' '.join(sorted(only)) or 'all'}")
    runs = []
    for rpc, short in (("get-portfolio", "gp"), ("check-order", "co")):
        for tls in ("on", "off"):
            runs.append(("main", f"{short}-tls-{tls}", lambda rpc=rpc, tls=tls, short=short:
                         java(f"{short}-tls-{tls}", f"rpc={rpc}", f"tls={tls}", sample_after=LAST_GRPC_WINDOW)))
    for rpc, short in (("get-portfolio", "gp"), ("check-order", "co")):
        for tls in ("on", "off"):
            runs.append(("fj2", f"{short}-tls-{tls}-fj2", lambda rpc=rpc, tls=tls, short=short:
                         java(f"{short}-tls-{tls}-fj2", f"rpc={rpc}", f"tls={tls}", jvm=(FJ2,),
                              sample_after=LAST_GRPC_WINDOW)))
    for rpc, short in (("get-portfolio", "gp"), ("check-order", "co")):
        runs.append(("longwarm", f"{short}-tls-on-warm60", lambda rpc=rpc, short=short:
                     java(f"{short}-tls-on-warm60", f"rpc={rpc}", "tls=on", "warmupSeconds=60",
                          sample_after=LAST_GRPC_WINDOW)))
    for rpc, short in (("get-portfolio", "gp"), ("check-order", "co")):
        for rate in (250, 500, 1000, 2000):
            runs.append(("sweep", f"sweep-{short}-{rate}", lambda rpc=rpc, rate=rate, short=short:
                         java(f"sweep-{short}-{rate}", f"rpc={rpc}", "tls=on", f"rate={rate}", "reps=1",
                              "seconds=20", "warmupSeconds=30")))
    for suffix, jvm in (("", ()), ("-fj2", (FJ2,))):
        name = f"profile-gp-tls-on{suffix}"
        runs.append(("profile", name, lambda name=name, jvm=jvm:
                     java(name, "rpc=get-portfolio", "tls=on", "reps=1",
                          jvm=(*jvm, f"-XX:StartFlightRecording=filename={JFR}/{name}.jfr,settings=profile"))))
    for rate, jvm, suffix in ((500, (), ""), (2000, (FJ2,), "-fj2")):
        name = f"threads-gp-tls-on-{rate}{suffix}"
        runs.append(("threads", name, lambda name=name, rate=rate, jvm=jvm:
                     java(name, "rpc=get-portfolio", "tls=on", f"rate={rate}", "reps=1", "seconds=30", jvm=jvm,
                          sample_after=FIRST_GRPC_WINDOW)))
    for group, name, action in runs:
        if not only or group in only or name in only:
            action()
    condense()
    log("done")


if __name__ == "__main__":
    main()
