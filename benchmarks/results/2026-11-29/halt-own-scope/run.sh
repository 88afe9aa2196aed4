#!/usr/bin/env bash
# Section 33: HaltLatency at 1,000 fills/s of background load, the build before a portfolio hands over its own
# scope with the halt (BEFORE) and the build with it (AFTER), alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/halt-own-scope}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in ${ROUNDS-1 2 3}; do for build in after before; do
  if [ $build = after ]; then root=$AFTER; else root=$BEFORE; fi
  echo "$(date -u +%H:%M:%S) halt-latency-$build-$round"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Driskpulse.portfolio.ask-timeout=20s -cp "$CP" io.riskpulse.bench.e2e.HaltLatency loadRate=1000 \
    > "$OUT/halt-latency-$build-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
