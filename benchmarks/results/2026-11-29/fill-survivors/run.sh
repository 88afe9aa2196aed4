#!/usr/bin/env bash
# Section 34: FillLatency at its defaults with a G1 log: the build before the impact detector's primitive rings
# (BEFORE) with detection on and with riskpulse.detection.enabled=off, and the build with them (AFTER), alternated.
# Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/fill-survivors}
mkdir -p "$OUT"
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in ${ROUNDS-1 2}; do for run in after before before-nodetect; do
  case $run in after) root=$AFTER; flags=;; before) root=$BEFORE; flags=;;
    before-nodetect) root=$BEFORE; flags=-Driskpulse.detection.enabled=off;; esac
  echo "$(date -u +%H:%M:%S) fill-latency-$run-$round"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 $flags \
    -Xlog:gc*:file="$OUT/gc-latency-$run-$round.log" -cp "$CP" \
    io.riskpulse.bench.e2e.FillLatency > "$OUT/fill-latency-$run-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
