#!/usr/bin/env bash
# Section 36: portfolios staggering their snapshots and detector checkpoints (AFTER) against the build before
# (BEFORE, with the same FillLatency harness), alternated: FillLatency at its defaults with a latency timeline and
# a GC log, then FillThroughput at its defaults. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/stagger}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # root name harness options...
  local root=$1 name=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Xlog:gc:file="$OUT/$name-gc.log":uptime -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in ${LAT_ROUNDS:-1 2}; do
  jvm "$AFTER" fill-latency-after-$round io.riskpulse.bench.e2e.FillLatency timeline="$OUT/fill-latency-after-$round-timeline.txt"
  jvm "$BEFORE" fill-latency-before-$round io.riskpulse.bench.e2e.FillLatency timeline="$OUT/fill-latency-before-$round-timeline.txt"
done
for round in ${TP_ROUNDS:-1 2}; do
  jvm "$BEFORE" fill-throughput-before-$round io.riskpulse.bench.e2e.FillThroughput
  jvm "$AFTER" fill-throughput-after-$round io.riskpulse.bench.e2e.FillThroughput
done
echo "$(date -u +%H:%M:%S) done"
