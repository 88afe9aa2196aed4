#!/usr/bin/env bash
# Section 22.2: pre-trade checks asked of the entity (riskpulse.pretrade.in-place = off) and judged in place when the
# entity is not busy (on; the default at that commit), one build (ROOT: git archive <commit> | tar -x; mvn -B -q package -DskipTests
# -pl benchmarks -am), alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-28/in-place-trylock}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # variant name harness options...
  local variant=$1 name=$2; shift 2
  local mode=on; [ "$variant" = asked ] && mode=off
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Driskpulse.pretrade.in-place=$mode -Xlog:gc:file="$OUT/$name-gc.log" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in 1 2; do for v in asked in-place; do
  jvm $v pt5k-$v-$round io.riskpulse.bench.e2e.PreTradeLatency rate=5000 seconds=30 warmupSeconds=30 reps=3 baselineSeconds=10
done; done
for v in asked in-place; do
  jvm $v check-order-tls-off-$v-1 io.riskpulse.bench.e2e.GrpcLatency rpc=check-order tls=off server=netty \
    client=process stub=grpc-java warmupSeconds=60
done
for v in asked in-place; do
  jvm $v pt20k-$v-1 io.riskpulse.bench.e2e.PreTradeLatency
done
jvm in-place pt20k-in-place-spin-1 io.riskpulse.bench.e2e.PreTradeLatency wait=spin
benchmarks/scripts/gc-pauses.py "$OUT"/*-gc.log > "$OUT/gc-pauses.txt"
echo "$(date -u +%H:%M:%S) done"
