#!/usr/bin/env bash
# GrpcLatency GetPortfolio without TLS, the client in a process of its own on a plain grpc-java channel and on the
# generated pekko-grpc clients alternated, from one build. Run from the build's root.
set -u
OUT=${OUT:-benchmarks/results/2026-11-27/tls-engine}
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
run() { # stub tls pass
  local name="get-portfolio-stub-$1-tls-$2-$3"
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Xlog:gc:file="$OUT/$name-gc.log" \
    -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency rpc=get-portfolio tls="$2" server=netty client=process stub="$1" \
    warmupSeconds=60 ${EXTRA:-} > "$OUT/$name.txt" 2>&1
}
run grpc-java off 1; run pekko-grpc off 1; run pekko-grpc off 2; run grpc-java off 2
echo "$(date -u +%H:%M:%S) done"
