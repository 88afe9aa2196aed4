#!/usr/bin/env bash
# Section 39.2, the diagnostic: PreTradeLatency with 1,000 portfolios (two repetitions) under Shenandoah, so that the
# collector's pauses are not the tail; BEFORE and AFTER alternated twice. As run.sh.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/timer-phase}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
mkdir -p "$OUT"
for round in 1 2; do for build in before after; do
  if [ $build = after ]; then root=$AFTER; else root=$BEFORE; fi
  echo "$(date -u +%H:%M:%S) many-$build-$round"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -XX:+UseShenandoahGC \
    -Xlog:gc,safepoint:file="$OUT/many-$build-$round-gc.log":uptime -cp "$CP" io.riskpulse.bench.e2e.PreTradeLatency \
    portfolios=1000 reps=2 > "$OUT/many-$build-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
