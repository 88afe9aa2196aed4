#!/usr/bin/env bash
# Section 25: how many journal batch writes may be in flight (pekko-persistence-jdbc's jdbc-journal.parallelism,
# 8 by default) when the embedded journal has one connection (section 23): 8 against 1 and 2, one build (ROOT),
# alternated. Fewer in flight lets more writes gather into each transaction. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-28/journal-parallelism}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # parallelism name harness options...
  local parallelism=$1 name=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Djdbc-journal.parallelism="$parallelism" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in 1 2; do for p in 1 8 2; do
  jvm $p fill-throughput-p$p-$round io.riskpulse.bench.e2e.FillThroughput reps=3
done; done
for p in 8 1; do
  jvm $p fill-latency-p$p-1 io.riskpulse.bench.e2e.FillLatency
done
echo "$(date -u +%H:%M:%S) done"
