#!/usr/bin/env bash
# Section 24.1: more alternated runs of G1's default tenuring threshold against -XX:MaxTenuringThreshold=2, one
# build (ROOT): CheckOrder and GetPortfolio over gRPC (TLS off), the in-process pre-trade check, fill throughput
# and halt latency (the option must not cost the paths it was not measured on). Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-28/tenuring-2}
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
for round in 3 4; do for v in mtt2 default; do
  jvm $v check-order-tls-off-$v-$round io.riskpulse.bench.e2e.GrpcLatency rpc=check-order tls=off server=netty \
    client=process stub=grpc-java warmupSeconds=60
done; done
for round in 2 3; do for v in mtt2 default; do
  jvm $v pt5k-$v-$round io.riskpulse.bench.e2e.PreTradeLatency rate=5000 seconds=30 warmupSeconds=30 reps=3 \
    baselineSeconds=10
done; done
for v in default mtt2; do
  jvm $v get-portfolio-tls-off-$v-1 io.riskpulse.bench.e2e.GrpcLatency rpc=get-portfolio tls=off server=netty \
    client=process stub=grpc-java warmupSeconds=60
done
for v in mtt2 default; do
  jvm $v fill-throughput-$v-1 io.riskpulse.bench.e2e.FillThroughput reps=3
done
for v in default mtt2; do
  jvm $v halt-1000-$v-1 io.riskpulse.bench.e2e.HaltLatency loadRate=1000
done
benchmarks/scripts/gc-pauses.py "$OUT"/*-gc.log | sed "s#^$OUT/##" > "$OUT/gc-pauses.txt"
echo "$(date -u +%H:%M:%S) done"
