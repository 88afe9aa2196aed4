#!/usr/bin/env bash
# Section 30.4: FillLatency at its defaults, the build before the adaptive snapshot interval (BEFORE, 56f142f) and
# the build after its review fixes (AFTER, 72b0021), alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/adaptive-latency}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in ${ROUNDS-1 2}; do for build in after before; do
  if [ $build = after ]; then root=$AFTER; else root=$BEFORE; fi
  echo "$(date -u +%H:%M:%S) fill-latency-$build-$round"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
    io.riskpulse.bench.e2e.FillLatency > "$OUT/fill-latency-$build-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
