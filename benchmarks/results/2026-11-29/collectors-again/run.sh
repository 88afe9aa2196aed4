#!/usr/bin/env bash
# Section 39: which collector, again, on this host and this build (section 14.2 measured it on a slower host, where
# the node saturated both cores). Run from the root of a packaged build (mvn -B -q package -DskipTests); results go
# to OUT. Each round runs FillLatency, PreTradeLatency and HaltLatency at their defaults under G1 (the JVM's default),
# Shenandoah and ZGC (JDK 17's, not generational), one collector after the other; ROUNDS rounds (2 by default).
# Stopped time per run: benchmarks/scripts/safepoint-pauses.py NAME-gc.log
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/collectors-again}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { local name=$1; local gc=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 $gc \
    -Xlog:gc,safepoint:file="$OUT/$name-gc.log":uptime -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1
}
mkdir -p "$OUT"
declare -A GC=([g1]="-XX:+UseG1GC" [shen]="-XX:+UseShenandoahGC" [zgc]="-XX:+UseZGC")
for round in $(seq 1 "${ROUNDS:-2}"); do
  for gc in ${COLLECTORS:-g1 shen zgc}; do
    jvm fill-$gc-$round "${GC[$gc]}" io.riskpulse.bench.e2e.FillLatency
    jvm pretrade-$gc-$round "${GC[$gc]}" io.riskpulse.bench.e2e.PreTradeLatency
    jvm halt-$gc-$round "${GC[$gc]}" io.riskpulse.bench.e2e.HaltLatency
  done
done
echo "$(date -u +%H:%M:%S) done"
