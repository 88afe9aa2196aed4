#!/usr/bin/env bash
# Runs every benchmark of docs/PERFORMANCE.md in sequence (about 30 minutes on 2 cores), from the repository
# root of a built tree (mvn -B -q install -DskipTests, or package). Results go to $OUT (default
# benchmarks/target/results). Run nothing else meanwhile: the harnesses print the CPU other processes took.
set -u
OUT=${OUT:-benchmarks/target/results}
mkdir -p "$OUT"
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
date -u > "$OUT/started.txt"
java -jar benchmarks/target/benchmarks.jar -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.txt" 2>&1
python3 benchmarks/scripts/jmh-medians.py "$OUT/jmh.json" > "$OUT/jmh-medians.txt"
java $OPENS -cp "$CP" io.riskpulse.bench.e2e.MarketDataThroughput > "$OUT/md.txt" 2>&1
java $OPENS -cp "$CP" io.riskpulse.bench.e2e.FillThroughput > "$OUT/ft.txt" 2>&1
java $OPENS -Xlog:gc:file="$OUT/fl-gc.log" -cp "$CP" io.riskpulse.bench.e2e.FillLatency > "$OUT/fl.txt" 2>&1
# Diagnostic (not a product setting): the common pool at parallelism 2, so that CompletableFuture's async
# completions stop starting a thread each on a 2-CPU machine (see docs/PERFORMANCE.md, "Bottlenecks").
FJ='-Djava.util.concurrent.ForkJoinPool.common.parallelism=2'
java $OPENS $FJ -cp "$CP" io.riskpulse.bench.e2e.FillThroughput > "$OUT/ft-fj2.txt" 2>&1
java $OPENS $FJ -Xlog:gc:file="$OUT/fl-fj2-gc.log" -cp "$CP" io.riskpulse.bench.e2e.FillLatency > "$OUT/fl-fj2.txt" 2>&1
# Limits, pre-trade and halts (section 7): the pre-trade check without and with a VaR limit, the halt path at two
# background loads.
java $OPENS -Xlog:gc:file="$OUT/pt-gc.log" -cp "$CP" io.riskpulse.bench.e2e.PreTradeLatency > "$OUT/pt.txt" 2>&1
# The pre-trade check in the configuration that meets its target (section 40.6: judged in place by a spinning sender
# under Shenandoah, the sender at nice -20 when run as root, 75 s warm-up) and the machine's floor (40.1), 4 minutes.
NICE=""
[ "$(id -u)" = 0 ] && NICE="senderNice=-20"
java $OPENS $FJ -cp "$CP" io.riskpulse.bench.e2e.WakeUpFloor > "$OUT/floor.txt" 2>&1
java $OPENS $FJ -XX:+UseShenandoahGC -Driskpulse.pretrade.in-place=on -cp "$CP" \
  io.riskpulse.bench.e2e.PreTradeLatency wait=spin $NICE stallMillis=5 warmupSeconds=75 > "$OUT/pt-in-place-spin.txt" 2>&1
java $OPENS -Xlog:gc:file="$OUT/pt-var-gc.log" -cp "$CP" io.riskpulse.bench.e2e.PreTradeLatency risk=1 > "$OUT/pt-var.txt" 2>&1
java $OPENS -Xlog:gc:file="$OUT/hl-1000-gc.log" -cp "$CP" io.riskpulse.bench.e2e.HaltLatency loadRate=1000 > "$OUT/hl-1000.txt" 2>&1
java $OPENS -Xlog:gc:file="$OUT/hl-5000-gc.log" -cp "$CP" io.riskpulse.bench.e2e.HaltLatency loadRate=5000 > "$OUT/hl-5000.txt" 2>&1
# The gRPC API (section 8, issue 6): GetPortfolio and CheckOrder over loopback, TLS on and off, 5,000 calls/s, each
# beside the same operation in-process, the client in a process of its own (section 20; about 4.5 minutes each
# with the 60 s warm-up per path).
for rpc in get-portfolio check-order; do
  for tls in on off; do
    java $OPENS -Xlog:gc:file="$OUT/grpc-$rpc-tls-$tls-gc.log" -cp "$CP" io.riskpulse.bench.e2e.GrpcLatency \
      rpc=$rpc tls=$tls > "$OUT/grpc-$rpc-tls-$tls.txt" 2>&1
  done
done
# Journal throughput on Cassandra (section 9, issue 7): starts its own Cassandra node (deploy/cassandra's jars, built
# by the reactor: mvn -B -q package -DskipTests -pl deploy/cassandra), about 3 minutes.
java $OPENS -cp "$CP" io.riskpulse.bench.e2e.CassandraJournalThroughput > "$OUT/cassandra-journal.txt" 2>&1
# Memory per resident portfolio (section 12, issue 7): about 3 minutes.
java $OPENS -Djdk.attach.allowAttachSelf=true -cp "$CP" io.riskpulse.bench.e2e.EntityFootprint > "$OUT/footprint.txt" 2>&1
# Failover time (section 13, issue 7): a three-node cluster on its own Cassandra, about 8 minutes per profile (the
# node jar: grid-node/target/riskpulse-node.jar).
java $OPENS -cp "$CP" io.riskpulse.bench.e2e.FailoverRecovery portfolios=3000 reps=3 > "$OUT/failover-shipped.txt" 2>&1
java $OPENS -cp "$CP" io.riskpulse.bench.e2e.FailoverRecovery portfolios=3000 reps=3 fdPause=2s stableAfter=3s \
  removalMargin=2s > "$OUT/failover-fast.txt" 2>&1
python3 benchmarks/scripts/gc-pauses.py "$OUT/fl-gc.log" "$OUT/fl-fj2-gc.log" "$OUT/pt-gc.log" "$OUT/pt-var-gc.log" \
  "$OUT/hl-1000-gc.log" "$OUT/hl-5000-gc.log" "$OUT"/grpc-*-gc.log > "$OUT/gc.txt"
date -u > "$OUT/finished.txt"
