#!/usr/bin/env bash
# Section 29.1: how long a restarted node takes to serve 200 portfolios that each replay the most events the snapshot
# interval allows (snapshot-every - 1), at the default interval (200) and at 2,000, one build (ROOT), alternated.
# Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/recovery-replay}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in 1 2; do for every in 200 2000; do
  echo "$(date -u +%H:%M:%S) recovery-every-$every-$round"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
    io.riskpulse.bench.e2e.RecoveryReplay portfolios=200 every=$every reps=3 > "$OUT/recovery-every-$every-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
