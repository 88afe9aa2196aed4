#!/usr/bin/env bash
# Section 32: FillLatency at its defaults with a G1 log, the build before the execution-id ring (BEFORE) and the
# build with it (AFTER), alternated; then FillThroughput at its defaults, alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/id-ring}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in ${ROUNDS-1 2 3}; do for build in after before; do
  if [ $build = after ]; then root=$AFTER; else root=$BEFORE; fi
  echo "$(date -u +%H:%M:%S) fill-latency-$build-$round"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Xlog:gc*:file="$OUT/gc-latency-$build-$round.log" -cp "$CP" \
    io.riskpulse.bench.e2e.FillLatency > "$OUT/fill-latency-$build-$round.txt" 2>&1)
done; done
for round in ${TROUNDS-1 2}; do for build in after before; do
  if [ $build = after ]; then root=$AFTER; else root=$BEFORE; fi
  echo "$(date -u +%H:%M:%S) fill-throughput-$build-$round"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
    io.riskpulse.bench.e2e.FillThroughput > "$OUT/fill-throughput-$build-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
