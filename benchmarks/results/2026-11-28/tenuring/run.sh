#!/usr/bin/env bash
# Section 24: the node's young collections with G1's default tenuring threshold (up to 15 copies of a survivor) and
# with -XX:MaxTenuringThreshold=2, one build (ROOT), alternated. GrpcLatency's client process inherits the option.
# Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-28/tenuring}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # variant name harness options...
  local variant=$1 name=$2; shift 2
  local flag=-XX:+UseG1GC; [ "$variant" = mtt2 ] && flag=-XX:MaxTenuringThreshold=2
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 $flag \
    -Xlog:gc:file="$OUT/$name-gc.log" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in 1 2; do for v in default mtt2; do
  jvm $v check-order-tls-off-$v-$round io.riskpulse.bench.e2e.GrpcLatency rpc=check-order tls=off server=netty \
    client=process stub=grpc-java warmupSeconds=60
done; done
for v in default mtt2; do
  jvm $v pt5k-$v-1 io.riskpulse.bench.e2e.PreTradeLatency rate=5000 seconds=30 warmupSeconds=30 reps=3 \
    baselineSeconds=10
done
benchmarks/scripts/gc-pauses.py "$OUT"/*-gc.log | sed "s#^$OUT/##" > "$OUT/gc-pauses.txt"
echo "$(date -u +%H:%M:%S) done"
