#!/usr/bin/env bash
# Section 21: the order flow's open orders and recent ClOrdIDs in LinkedHashMaps (BEFORE, a build of 7fa2a26) and in
# BoundedInsertionMaps (AFTER, a build of 46f4ca0), alternated. BEFORE and AFTER are the roots of two builds
# (git archive <commit> | tar -x; mvn -B -q package -DskipTests -pl benchmarks -am). Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-27/order-flow-memory}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { # variant name harness options...
  local variant=$1 name=$2; shift 2
  local root=$BEFORE; [ "$variant" = after ] && root=$AFTER
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$root" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Xlog:${GCLOG:-gc}:file="$OUT/$name-gc.log" -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in 1 2; do for v in before after; do
  GCLOG=gc,gc+phases=debug jvm $v pt5k-$v-$round io.riskpulse.bench.e2e.PreTradeLatency rate=5000 seconds=30 warmupSeconds=30 reps=3 baselineSeconds=10
done; done
for round in 1 2; do for v in before after; do
  jvm $v pt20k-$v-$round io.riskpulse.bench.e2e.PreTradeLatency
done; done
for round in 1 2; do for v in before after; do
  jvm $v check-order-tls-off-$v-$round io.riskpulse.bench.e2e.GrpcLatency rpc=check-order tls=off server=netty \
    client=process stub=grpc-java warmupSeconds=60
done; done
benchmarks/scripts/gc-pauses.py "$OUT"/*-gc.log > "$OUT/gc-pauses.txt"
# The heap histograms: a separate run per build (PreTradeLatency rate=5000 seconds=30 warmupSeconds=30 reps=2
# baselineSeconds=5), `jcmd <pid> GC.class_histogram` 100 s after its start (about 385,000 orders checked).
echo "$(date -u +%H:%M:%S) done"
# The harness pair (harness-kept, harness-released): GrpcLatency rpc=check-order tls=off server=netty client=process
# stub=grpc-java warmupSeconds=60, once from a build of 9fac709 (requests kept until the next window) and once from
# a9f9b3e (OpenLoop lets them go), -Xlog:gc.
# diag-grpc-check-order-gc.txt: the same GrpcLatency run on a build of 46f4ca0 with
# -Xlog:gc,gc+phases=debug,gc+age=trace,gc+heap=debug; one late pause's phases and age table.
# fill-{before,after}-N: FillLatency at its defaults (50 portfolios, 5,000 fills/s, 500/s baseline), builds of dfcccd4
# (dedup window in a HashMap) and 111ea6b (in a BoundedInsertionMap), alternated, -Xlog:gc,gc+phases=debug.
