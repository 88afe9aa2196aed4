#!/usr/bin/env bash
# GrpcLatency GetPortfolio without TLS, the client in a process of its own and in the node's JVM alternated, from
# one build. Run from the build's root.
set -u
OUT=${OUT:-benchmarks/results/2026-11-27/tls-engine}
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
run() { # client tls pass
  local name="get-portfolio-client-$1-tls-$2-$3"
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Xlog:gc:file="$OUT/$name-gc.log" \
    -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency rpc=get-portfolio tls="$2" server=netty client="$1" \
    warmupSeconds=60 ${EXTRA:-} > "$OUT/$name.txt" 2>&1
}
run process off 1; run jvm off 1; run jvm off 2; run process off 2
echo "$(date -u +%H:%M:%S) done"
