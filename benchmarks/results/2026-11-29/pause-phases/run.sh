#!/usr/bin/env bash
# Section 34.1: one repetition of FillLatency at its defaults (ROOT = a build of the commit named in the section)
# with G1's phase-level log and the survivors' age table. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/pause-phases}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
echo "$(date -u +%H:%M:%S) fill-latency-phases"
(cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
  -Xlog:gc*,gc+phases=debug,gc+age=trace:file="$OUT/gc-phases.log" -cp "$CP" \
  io.riskpulse.bench.e2e.FillLatency reps=1 > "$OUT/fill-latency-phases.txt" 2>&1)
echo "$(date -u +%H:%M:%S) done"
# Then FillLatency at its defaults with the age table, H2's page cache at 1 MB against H2's default, alternated.
for round in ${ROUNDS-1 2}; do for cache in 1m default; do
  if [ $cache = 1m ]; then flags="-Driskpulse.persistence.h2-url-settings=;CACHE_SIZE=1024"; else flags=; fi
  echo "$(date -u +%H:%M:%S) fill-latency-cache-$cache-$round"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 $flags \
    -Xlog:gc*,gc+age=trace:file="$OUT/gc-cache-$cache-$round.log" -cp "$CP" \
    io.riskpulse.bench.e2e.FillLatency > "$OUT/fill-latency-cache-$cache-$round.txt" 2>&1)
done; done
echo "$(date -u +%H:%M:%S) done"
