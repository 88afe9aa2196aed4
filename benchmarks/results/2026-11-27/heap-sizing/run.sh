#!/usr/bin/env bash
# default vs sized heap, GetPortfolio TLS off netty
cd "${BUILD:-.}"   # the root of a build of af6b297
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
run() { local name=$1; shift; echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 "$@" -Xlog:gc*:file=${OUT:-.}/$name-gc.log \
    -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency rpc=${RPC:-get-portfolio} tls=off server=netty warmupSeconds=60 > ${OUT:-.}/$name.txt 2>&1; }
run ${RPC:-gp}-default
run ${RPC:-gp}-sized -Xms6g -Xmx6g -Xmn3g -XX:+AlwaysPreTouch
echo "$(date -u +%H:%M:%S) done"
