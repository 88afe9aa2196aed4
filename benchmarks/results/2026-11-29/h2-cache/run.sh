#!/usr/bin/env bash
# Section 35: H2's page cache for the embedded journal at 1 MB against H2's default, one build (ROOT), alternated:
# FillThroughput at its defaults, then RecoveryReplay at its defaults (200 portfolios replaying 197 events each).
# Results go to OUT. (FillLatency with the age table: benchmarks/results/2026-11-29/pause-phases/run.sh.)
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/h2-cache}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
run() { # name cache harness options...
  local name=$1 cache=$2; shift 2
  local flags=; [ "$cache" = 1m ] && flags="-Driskpulse.persistence.h2-url-settings=;CACHE_SIZE=1024"
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 $flags -cp "$CP" "$@" \
    > "$OUT/$name.txt" 2>&1)
}
for round in ${ROUNDS-1 2}; do for cache in 1m default; do
  run fill-throughput-cache-$cache-$round $cache io.riskpulse.bench.e2e.FillThroughput
  run recovery-replay-cache-$cache-$round $cache io.riskpulse.bench.e2e.RecoveryReplay
done; done
echo "$(date -u +%H:%M:%S) done"
