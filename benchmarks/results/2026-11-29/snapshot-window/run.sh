#!/usr/bin/env bash
# Section 30: what the standard fill harness (50 portfolios, snapshots every 200 events) pays for the execution-id
# window in its snapshots: the default window (100,000 ids; each portfolio holds 1,200-9,600 ids during the run)
# against a window of 1,000 ids, one build (ROOT), alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/snapshot-window}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in ${ROUNDS-1 2}; do for window in ${WINDOWS-100000 1000}; do
  name=fill-throughput-window-$window-$round
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Driskpulse.portfolio.dedup-window="$window" -cp "$CP" io.riskpulse.bench.e2e.FillThroughput reps=3 \
    > "$OUT/$name.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
