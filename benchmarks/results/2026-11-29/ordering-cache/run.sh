#!/usr/bin/env bash
# Section 28: the journal's ordering identity reserving 10,000 values at a time (AFTER, this section's build)
# against H2's default of 32 (BEFORE, the build before it), alternated.
# BEFORE and AFTER are clean builds of the two commits (mvn -o -B -q package -DskipTests). Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/ordering-cache}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # root name harness options...
  local root=$1 name=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
# Rounds 1 and 2 of each; the throughput rounds 3 and 4 were a second call: TP_ROUNDS="3 4" LAT_ROUNDS="" run.sh
for round in ${TP_ROUNDS-1 2}; do
  jvm "$BEFORE" fill-throughput-before-$round io.riskpulse.bench.e2e.FillThroughput reps=3
  jvm "$AFTER" fill-throughput-after-$round io.riskpulse.bench.e2e.FillThroughput reps=3
done
for round in ${LAT_ROUNDS-1 2}; do
  jvm "$AFTER" fill-latency-after-$round io.riskpulse.bench.e2e.FillLatency
  jvm "$BEFORE" fill-latency-before-$round io.riskpulse.bench.e2e.FillLatency
done
echo "$(date -u +%H:%M:%S) done"
