#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording go, by thread group and by component, and which threads were started.

    benchmarks/scripts/jfr-profile.py FILE.jfr [TOP]

Reads `jfr print --stack-depth 64` of jdk.ExecutionSample and jdk.ThreadStart (the JDK's own `jfr` tool). Prints:
samples per thread group (digits folded to N); samples per component, where a sample counts for stream
materialization if any frame of its stack is Pekko Streams materializing or starting a graph actor, and otherwise for
the component of the innermost frame whose package is listed below (so JDK collections count for whoever called
them); the TOP innermost frames (default 25); and the number of threads started with the most frequent stacks.
Execution samples cover Java code only: time in the JIT compilers, the collector or the kernel is not in them.
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+(\S+)\(.*\)\s+line:")

# (component, inclusive: any frame of the stack matches)
INCLUSIVE = [
    ("stream materialization (a graph and its actor per call)",
     re.compile(r"PhasedFusingActorMaterializer|ActorGraphInterpreter\.(tryInit|preStart|props)|GraphInterpreterShell\.init"
                r"|TraversalBuilder|\.actorOf\(|ActorCell\.(create|start)|FaultHandling\.finishTerminate|Mailboxes\.")),
]

# (component, package prefixes), innermost matching frame wins
COMPONENTS = [
    ("TLS (JDK SSLEngine, crypto)", ("sun.security.ssl", "javax.crypto", "com.sun.crypto", "sun.security.provider",
                                     "sun.security.util", "sun.security.ec", "javax.net.ssl")),
    ("pekko-http HTTP/2 server", ("org.apache.pekko.http.impl.engine.http2",)),
    ("pekko-http other", ("org.apache.pekko.http",)),
    ("pekko-grpc runtime (server and client)", ("org.apache.pekko.grpc",)),
    ("grpc-java client and Netty", ("io.grpc",)),
    ("protobuf", ("com.google.protobuf",)),
    ("API service code (io.riskpulse.gateway.grpc, generated io.riskpulse.api)", ("io.riskpulse.gateway",
                                                                                  "io.riskpulse.api")),
    ("portfolio entity, model, risk (io.riskpulse.model)", ("io.riskpulse.model",)),
    ("journal (pekko-persistence-jdbc, Slick, H2)", ("org.apache.pekko.persistence.jdbc", "slick.", "org.h2.",
                                                     "com.zaxxer")),
    ("pekko persistence and sharding", ("org.apache.pekko.persistence", "org.apache.pekko.cluster")),
    ("pekko streams (running graphs)", ("org.apache.pekko.stream",)),
    ("pekko actors, dispatch, remoting", ("org.apache.pekko",)),
    ("harness (io.riskpulse.bench, HdrHistogram)", ("io.riskpulse.bench", "org.HdrHistogram")),
    ("Aeron, ingestion, node", ("io.aeron", "org.agrona", "io.riskpulse")),
    ("scala library", ("scala.",)),
    ("logging", ("ch.qos.logback", "org.slf4j")),
    ("micrometer", ("io.micrometer",)),
]


def events(path, name):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", name, path], capture_output=True,
                          text=True, check=True).stdout
    for chunk in text.split(f"{name} {{")[1:]:
        frames = [m.group(1) for line in chunk.splitlines() if (m := FRAME.match(line))]
        thread = re.search(r'(?:sampledThread|eventThread|thread) = "([^"]*)"', chunk)
        yield (re.sub(r"\d+", "N", thread.group(1)) if thread else "?"), frames


def component(frames):
    for label, pattern in INCLUSIVE:
        if any(pattern.search(f) for f in frames):
            return label
    for frame in frames:
        for label, prefixes in COMPONENTS:
            if frame.startswith(prefixes):
                return label
    return "other (JDK only)"


def table(title, counter, total, top=None):
    print(title)
    for key, n in counter.most_common(top):
        print(f"  {n:7d}  {100.0 * n / total:5.1f}%  {key}")
    print()


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    threads, components, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in events(path, "jdk.ExecutionSample"):
        if not frames:
            continue
        total += 1
        threads[thread] += 1
        components[component(frames)] += 1
        leaves[frames[0]] += 1
    print(f"{path}: {total} execution samples\n")
    table("samples by thread group", threads, total, top)
    table("samples by component", components, total)
    table(f"top {top} innermost frames", leaves, total, top)
    starts, stacks = collections.Counter(), collections.Counter()
    count = 0
    for thread, frames in events(path, "jdk.ThreadStart"):
        count += 1
        starts[thread] += 1
        stacks["\n           ".join(frames[:22])] += 1
    print(f"threads started: {count}")
    for name, n in starts.most_common(5):
        print(f"  {n:7d}  {name}")
    print("most frequent stacks that started them (innermost first):")
    for stack, n in stacks.most_common(3):
        print(f"  {n:7d}  {stack}")


if __name__ == "__main__":
    main()
