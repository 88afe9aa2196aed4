#!/usr/bin/env bash
# Section 36: jdbc-journal.parallelism 1 against 8 again, now that the embedded journal keeps a 1 MB page cache and
# snapshots less often: FillThroughput and FillLatency at their defaults, one build (ROOT), alternated.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/journal-parallelism-3}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # parallelism name harness options...
  local parallelism=$1 name=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Djdbc-journal.parallelism="$parallelism" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in ${TP_ROUNDS:-1 2}; do for p in 1 8; do
  jvm $p fill-throughput-p$p-$round io.riskpulse.bench.e2e.FillThroughput
done; done
for round in ${LAT_ROUNDS:-1 2}; do for p in 8 1; do
  jvm $p fill-latency-p$p-$round io.riskpulse.bench.e2e.FillLatency
done; done
echo "$(date -u +%H:%M:%S) done"
