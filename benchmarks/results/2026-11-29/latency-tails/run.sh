#!/usr/bin/env bash
# Section 31: what the fill latency's tail is made of at 500 and 5,000 fills/s (diagnostic), one build (ROOT), one
# after another: G1 as shipped with a GC log; H2's page cache at 2 MB; G1 with the survivors' age table (1 rep);
# ZGC. The GC logs go to GCLOGS (not kept in the repository: gc-pauses.txt, zgc-safepoints.txt and
# age-table-excerpt.txt are what benchmarks/scripts/gc-pauses.py and safepoint-pauses.py made of them).
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/latency-tails}
ROOT=${ROOT:-$PWD}
GCLOGS=${GCLOGS:-$(mktemp -d)}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
run() { # name jvm-options... -- harness options...
  local name=$1; shift
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 "$@" > "$OUT/$name.txt" 2>&1)
}
run fill-latency-gc -Xlog:gc*,safepoint:file=$GCLOGS/fl-gc.log:uptime,level,tags \
  -cp "$CP" io.riskpulse.bench.e2e.FillLatency
run fill-latency-gc-cache2m "-Driskpulse.persistence.h2-url-settings=;CACHE_SIZE=2048" \
  -Xlog:gc*,safepoint:file=$GCLOGS/fl-gc-cache2m.log:uptime,level,tags -cp "$CP" io.riskpulse.bench.e2e.FillLatency
run fill-latency-gc-age -Xlog:gc*,gc+age=trace,safepoint:file=$GCLOGS/fl-gc-age.log:uptime,level,tags \
  -cp "$CP" io.riskpulse.bench.e2e.FillLatency reps=1
run fill-latency-zgc -XX:+UseZGC -Xlog:gc,safepoint:file=$GCLOGS/fl-zgc.log:uptime,level,tags \
  -cp "$CP" io.riskpulse.bench.e2e.FillLatency
echo "$(date -u +%H:%M:%S) done; GC logs in $GCLOGS"
# The census (old-object-samples.txt), once, by hand: a one-repetition run under JFR, then its jdk.OldObjectSample
# events printed with `jfr print --json --events jdk.OldObjectSample` and listed by age (allocation time to the end).
#   java $OPENS ... -XX:StartFlightRecording=filename=fl-old.jfr,settings=profile -cp "$CP" \
#     io.riskpulse.bench.e2e.FillLatency reps=1
