#!/usr/bin/env bash
# The client's direct executor (af3c749) against the build before it (ed51ae8), alternated; GetPortfolio, Netty server.
set -u
OUT=/work/main/benchmarks/results/2026-11-27/grpc-netty/client-direct
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
run() { # build-dir label tls
  echo "$(date -u +%H:%M:%S) $2 tls=$3"
  (cd "$1" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Xlog:gc:file="$OUT/$2-tls-$3-gc.log" \
    -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' io.riskpulse.bench.e2e.GrpcLatency \
    rpc=get-portfolio tls="$3" server=netty warmupSeconds=60 > "$OUT/$2-tls-$3.txt" 2>&1)
}
run <build> after off; run <build> before off; run <build> after on
echo "$(date -u +%H:%M:%S) done"
