#!/usr/bin/env bash
# Section 29: the fill rate once every portfolio's execution-id window is full (100,000 ids, the default
# riskpulse.portfolio.dedup-window, carried in every snapshot) against a window of 5,000, and with snapshots every
# 2,000 events instead of 200, one build (ROOT), alternated. 10 portfolios; a warm-up of 1,000,000 fills per variant fills each portfolio's window before the
# measurements. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/full-window}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # window snapshot-every name harness options...
  local window=$1 every=$2 name=$3; shift 3
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Driskpulse.portfolio.dedup-window="$window" -Driskpulse.portfolio.snapshot-every="$every" \
    -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
# VARIANTS: window:snapshot-every pairs. The first call ran the default; the second VARIANTS="100000:2000 5000:200"
# with ROUNDS="3 4" (the window of 5,000 again, as the same-run baseline).
for round in ${ROUNDS-1 2}; do for variant in ${VARIANTS-100000:200 5000:200}; do
  window=${variant%%:*} every=${variant##*:}
  jvm $window $every fill-throughput-window-$window-every-$every-$round io.riskpulse.bench.e2e.FillThroughput \
    portfolios=10 warmup=1000000 fills=100000 reps=3 timeoutSeconds=600
done; done
echo "$(date -u +%H:%M:%S) done"
