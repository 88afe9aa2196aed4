#!/usr/bin/env bash
# GrpcLatency GetPortfolio, client process on a plain grpc-java channel, with GetPortfolio answered from the
# entity's kept snapshot (riskpulse.grpc.read-max-age = 100ms, the default) and always asking it (0s), alternated,
# from one build. Run from the build's root. TLS=on|off (default off).
set -u
OUT=${OUT:-benchmarks/results/2026-11-27/recent-snapshots}
TLS=${TLS:-off}
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
run() { # max-age pass
  local name="get-portfolio-tls-$TLS-max-age-$1-$2"
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Driskpulse.grpc.read-max-age="$1" \
    -Xlog:gc:file="$OUT/$name-gc.log" -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency rpc=get-portfolio tls="$TLS" \
    server=netty client=process stub=grpc-java warmupSeconds=60 ${EXTRA:-} > "$OUT/$name.txt" 2>&1
}
run 100ms 1; run 0s 1; run 0s 2; run 100ms 2
echo "$(date -u +%H:%M:%S) done"
