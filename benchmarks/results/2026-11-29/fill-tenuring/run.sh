#!/usr/bin/env bash
# Section 31.1: FillLatency at its defaults, G1 as shipped against -XX:MaxTenuringThreshold=2 (the JVM option only),
# one build (ROOT), alternated, with GC logs in GCLOGS (summaries in gc-pauses.txt). Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/fill-tenuring}
ROOT=${ROOT:-$PWD}
GCLOGS=${GCLOGS:-$(mktemp -d)}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
for round in ${ROUNDS-1 2}; do for variant in mtt2 default; do
  extra=""; [ $variant = mtt2 ] && extra="-XX:MaxTenuringThreshold=2"
  echo "$(date -u +%H:%M:%S) fill-latency-$variant-$round"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 $extra \
    -Xlog:gc:file=$GCLOGS/gc-$variant-$round.log:uptime -cp "$CP" io.riskpulse.bench.e2e.FillLatency \
    > "$OUT/fill-latency-$variant-$round.txt" 2>&1)
done; done
python3 benchmarks/scripts/gc-pauses.py $GCLOGS/gc-*.log | sed "s|$GCLOGS/||" > "$OUT/gc-pauses.txt"
echo "$(date -u +%H:%M:%S) done"
