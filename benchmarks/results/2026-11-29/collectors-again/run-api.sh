#!/usr/bin/env bash
# Section 39, second part: the gRPC API (GetPortfolio and CheckOrder, TLS off, two repetitions each; the client
# process inherits the collector), the pre-trade check judged on the caller's thread (riskpulse.pretrade.in-place,
# section 22) and FillThroughput, under G1 and Shenandoah, alternated; ROUNDS rounds (2 by default). As run.sh.
# GrpcLatency ran with a warm-up of 10 s (its default then; 60 since): its first gRPC window was still compiling.
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
E=io.riskpulse.bench.e2e
for round in $(seq 1 "${ROUNDS:-2}"); do
  for gc in ${COLLECTORS:-g1 shen}; do
    jvm grpc-get-$gc-$round "${GC[$gc]}" $E.GrpcLatency rpc=get-portfolio tls=off reps=2 warmupSeconds=10
    jvm grpc-check-$gc-$round "${GC[$gc]}" $E.GrpcLatency rpc=check-order tls=off reps=2 warmupSeconds=10
    jvm inplace-$gc-$round "${GC[$gc]} -Driskpulse.pretrade.in-place=true" $E.PreTradeLatency
    jvm throughput-$gc-$round "${GC[$gc]}" $E.FillThroughput
  done
done
echo "$(date -u +%H:%M:%S) done"
