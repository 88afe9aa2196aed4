#!/usr/bin/env bash
# Section 37: the embedded journal's compactor on (the build's defaults) against off
# (-Driskpulse.persistence.compaction.interval=0), same build, alternated: FillLatency at its defaults, then 60 s
# without fills and one more measurement (idleSeconds=60), with a latency timeline, a GC log and the compactor's
# DEBUG lines (logback-debug.xml: the harness's logback-bench.xml with
# <logger name="io.riskpulse.persistence.JournalCompactor" level="DEBUG"/>). Run from the root of a packaged build
# (mvn -B -q package -DskipTests); results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/compaction/quiet}
LOGBACK=${LOGBACK:-$OUT/../logback-debug.xml}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { local name=$1; shift
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Dlogback.configurationFile="$LOGBACK" \
    -Xlog:gc:file="$OUT/$name-gc.log":uptime -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1
}
mkdir -p "$OUT"
for round in ${ROUNDS:-1 2}; do
  jvm fill-latency-on-$round io.riskpulse.bench.e2e.FillLatency idleSeconds=60 \
    timeline="$OUT/fill-latency-on-$round-timeline.txt"
  jvm fill-latency-off-$round -Driskpulse.persistence.compaction.interval=0 io.riskpulse.bench.e2e.FillLatency \
    idleSeconds=60 timeline="$OUT/fill-latency-off-$round-timeline.txt"
done
echo "$(date -u +%H:%M:%S) done"
