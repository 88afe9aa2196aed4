#!/usr/bin/env bash
# Section 23: the embedded journal written through by one connection (write-delay-ms = 0, one pooled connection,
# the defaults since this section) against the earlier defaults (write-delay-ms = 100, four connections), one build
# (ROOT), alternated. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-28/journal-write-through}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
OLD='-Driskpulse.persistence.write-delay-ms=100 -Dpekko-persistence-jdbc.shared-databases.slick.db.numThreads=4
  -Dpekko-persistence-jdbc.shared-databases.slick.db.maxConnections=4'
jvm() { # variant name harness options...
  local variant=$1 name=$2; shift 2
  local flags=''; [ "$variant" = before ] && flags=$OLD
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 $flags \
    -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1)
}
for round in 1 2; do for v in before after; do
  jvm $v fill-throughput-$v-$round io.riskpulse.bench.e2e.FillThroughput reps=3
done; done
for v in before after; do
  jvm $v fill-latency-$v-1 io.riskpulse.bench.e2e.FillLatency
done
echo "$(date -u +%H:%M:%S) done"
