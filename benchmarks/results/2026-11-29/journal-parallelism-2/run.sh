#!/usr/bin/env bash
# Section 25, second day: fill latency (where one batch write in flight did best on 2026-11-28) and halt latency
# under fill load, with jdbc-journal.parallelism 1, 2 and 8, one build (ROOT), alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/journal-parallelism-2}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # parallelism name harness options...
  local parallelism=$1 name=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Djdbc-journal.parallelism="$parallelism" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in 2 3; do for p in 1 8 2; do
  jvm $p fill-latency-p$p-$round io.riskpulse.bench.e2e.FillLatency
done; done
for round in 1 2; do for p in 8 1; do
  jvm $p halt-1000-p$p-$round io.riskpulse.bench.e2e.HaltLatency loadRate=1000
done; done
echo "$(date -u +%H:%M:%S) done"
