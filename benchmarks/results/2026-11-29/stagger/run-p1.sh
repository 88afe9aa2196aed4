#!/usr/bin/env bash
# Section 36, second part: the same alternation with one journal write in flight (jdbc-journal.parallelism=1),
# where the journal's thread is not saturated at 5,000 fills/s and the snapshots' own stalls show. Then
# FillThroughput of the AFTER build with parallelism 1 and 8, alternated.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/stagger}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # root parallelism name harness options...
  local root=$1 parallelism=$2 name=$3; shift 3
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Djdbc-journal.parallelism="$parallelism" -Xlog:gc:file="$OUT/$name-gc.log":uptime -cp "$CP" "$@" \
    > "$OUT/$name.txt" 2>&1)
}
for round in ${LAT_ROUNDS:-1 2}; do
  jvm "$BEFORE" 1 fill-latency-p1-before-$round io.riskpulse.bench.e2e.FillLatency timeline="$OUT/fill-latency-p1-before-$round-timeline.txt"
  jvm "$AFTER" 1 fill-latency-p1-after-$round io.riskpulse.bench.e2e.FillLatency timeline="$OUT/fill-latency-p1-after-$round-timeline.txt"
done
for round in ${TP_ROUNDS:-1 2}; do
  jvm "$AFTER" 8 fill-throughput-after-p8-$round io.riskpulse.bench.e2e.FillThroughput
  jvm "$AFTER" 1 fill-throughput-after-p1-$round io.riskpulse.bench.e2e.FillThroughput
done
echo "$(date -u +%H:%M:%S) done"
