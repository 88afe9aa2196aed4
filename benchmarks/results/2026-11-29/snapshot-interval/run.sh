#!/usr/bin/env bash
# Section 30: the standard fill harness (50 portfolios) with snapshots every 200 events (the default), 1,000 and
# 2,000, one build (ROOT), alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/snapshot-interval}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # snapshot-every name harness options...
  local every=$1 name=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Driskpulse.portfolio.snapshot-every="$every" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in ${ROUNDS-1 2}; do for every in ${EVERY-200 1000 2000}; do
  jvm $every fill-throughput-every-$every-$round io.riskpulse.bench.e2e.FillThroughput reps=3
done; done
for round in ${LAT_ROUNDS-1 2}; do for every in ${LAT_EVERY-1000 200}; do
  jvm $every fill-latency-every-$every-$round io.riskpulse.bench.e2e.FillLatency
done; done
echo "$(date -u +%H:%M:%S) done"
