#!/usr/bin/env bash
# GrpcLatency GetPortfolio with TLS on the Netty server, the JDK's engine and BoringSSL alternated, from one build
# (the engine is a node setting, riskpulse.grpc.tls.provider). Run from the build's root.
set -u
OUT=${OUT:-benchmarks/results/2026-11-27/tls-engine}
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
run() { # provider pass
  local name="get-portfolio-tls-$1-$2"
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Driskpulse.grpc.tls.provider="$1" \
    -Xlog:gc:file="$OUT/$name-gc.log" -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency rpc=get-portfolio tls=on \
    server=netty warmupSeconds=60 ${EXTRA:-} > "$OUT/$name.txt" 2>&1
}
run jdk 1; run openssl 1; run openssl 2; run jdk 2
echo "$(date -u +%H:%M:%S) done"
