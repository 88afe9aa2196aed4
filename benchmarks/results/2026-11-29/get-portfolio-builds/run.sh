#!/usr/bin/env bash
# GetPortfolio over gRPC (TLS off, 5,000 calls/s, client process on a plain grpc-java channel), the build of section
# 20.3 (OLD) against the current one (NEW), alternated, each from its own root: section 24.1 measured a p99 ten times
# section 20.3's. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/get-portfolio-builds}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
run() { # root name
  echo "$(date -u +%H:%M:%S) $2"
  (cd "$1" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Xlog:gc:file="$OUT/$2-gc.log" \
    -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency rpc=get-portfolio tls=off server=netty client=process \
    stub=grpc-java warmupSeconds=60 > "$OUT/$2.txt" 2>&1)
}
for round in 1 2; do run "$OLD" old-$round; run "$NEW" new-$round; done
benchmarks/scripts/gc-pauses.py "$OUT"/*-gc.log | sed "s#^$OUT/##" > "$OUT/gc-pauses.txt"
echo "$(date -u +%H:%M:%S) done"
