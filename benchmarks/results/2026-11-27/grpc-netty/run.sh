#!/usr/bin/env bash
# GrpcLatency on both servers, alternated, from one build (the server is a node setting). Run from the build's root.
set -u
OUT=${OUT:-benchmarks/results/2026-11-27/grpc-netty}
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
run() { # rpc tls server
  local name="$1-tls-$2-$3"
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Xlog:gc:file="$OUT/$name-gc.log" \
    -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency rpc="$1" tls="$2" server="$3" ${EXTRA:-} > "$OUT/$name.txt" 2>&1
}
run get-portfolio on netty;  run get-portfolio on pekko-http
run get-portfolio off pekko-http; run get-portfolio off netty
run check-order on netty;    run check-order on pekko-http
run check-order off pekko-http; run check-order off netty
echo "$(date -u +%H:%M:%S) done"
