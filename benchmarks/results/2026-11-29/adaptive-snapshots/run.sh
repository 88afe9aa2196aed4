#!/usr/bin/env bash
# Section 30.1: snapshots every 200 events doubling up to 1,600 as the execution-id window grows (the default since
# this section's commit) against a fixed 200 (snapshot-every-max = 200, the behaviour before), one build (ROOT),
# alternated: section 29's full windows (10 portfolios, 1,000,000 warm-up fills fill each window), then the standard
# FillThroughput (50 portfolios). Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/adaptive-snapshots}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # snapshot-every-max name harness options...
  local max=$1 name=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Driskpulse.portfolio.snapshot-every-max="$max" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in ${FULL_ROUNDS-1 2}; do for max in 1600 200; do
  jvm $max full-window-max-$max-$round io.riskpulse.bench.e2e.FillThroughput \
    portfolios=10 warmup=1000000 fills=100000 reps=3 timeoutSeconds=600
done; done
for round in ${STD_ROUNDS-1 2 3}; do for max in 200 1600; do
  jvm $max fill-throughput-max-$max-$round io.riskpulse.bench.e2e.FillThroughput reps=3
done; done
echo "$(date -u +%H:%M:%S) done"
