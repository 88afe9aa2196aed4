#!/usr/bin/env bash
# Section 32: full windows (10 portfolios, 1,000,000 warm-up fills fill each window of 100,000 ids) with a G1 log,
# the build before the execution-id ring (BEFORE) and the build with it (AFTER), alternated; then, on AFTER, the
# window's footprint (JOL) and its per-fill cost (JMH), each comparing the ring with the map it replaced.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/id-ring}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in ${ROUNDS-1 2 3}; do for build in after before; do
  if [ $build = after ]; then root=$AFTER; else root=$BEFORE; fi
  echo "$(date -u +%H:%M:%S) full-window-$build-$round"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Xlog:gc*:file="$OUT/gc-full-window-$build-$round.log" -cp "$CP" io.riskpulse.bench.e2e.FillThroughput \
    portfolios=10 warmup=1000000 fills=100000 reps=3 timeoutSeconds=600 > "$OUT/full-window-$build-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) window-footprint"
(cd "$AFTER" && java $OPENS -Djdk.attach.allowAttachSelf=true -cp "$CP" io.riskpulse.bench.e2e.WindowFootprint \
  > "$OUT/window-footprint.txt" 2>&1)
echo "$(date -u +%H:%M:%S) jmh"
(cd "$AFTER" && java -jar benchmarks/target/benchmarks.jar ExecutionIdWindowBenchmark -prof gc \
  > "$OUT/jmh-window.txt" 2>&1)
echo "$(date -u +%H:%M:%S) done"
