#!/usr/bin/env bash
# Section 39.2: marks and risk refreshes each after the portfolio's own phase. PreTradeLatency, FillLatency and
# HaltLatency at their defaults, the build before (BEFORE, a packaged build's root) and the build with the phases
# (AFTER: the build of BEFORE with timer-phase.patch applied, not shipped), alternated, ROUNDS rounds (3 by
# default), G1 (the JVM's default). Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/timer-phase}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
mkdir -p "$OUT"
run() { local name=$1 root=$2; shift 2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Xlog:gc,safepoint:file="$OUT/$name-gc.log":uptime -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
E=io.riskpulse.bench.e2e
for round in $(seq 1 "${ROUNDS:-3}"); do
  for harness in ${HARNESSES:-pretrade fill halt}; do
    case $harness in pretrade) class=PreTradeLatency ;; fill) class=FillLatency ;; halt) class=HaltLatency ;; esac
    if [ $((round % 2)) = 1 ]; then order="after before"; else order="before after"; fi
    for build in $order; do
      if [ $build = after ]; then root=$AFTER; else root=$BEFORE; fi
      run $harness-$build-$round "$root" $E.$class
    done
  done
done
echo "$(date -u +%H:%M:%S) done"
