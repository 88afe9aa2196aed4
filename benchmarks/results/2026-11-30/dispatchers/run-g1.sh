#!/bin/bash
# Section 40.2, first pass (G1): PreTradeLatency seconds=20 reps=2 with the node's dispatchers as shipped (V0), both
# Pekko dispatchers at 2 threads (V1), and the default dispatcher at 2 threads with cluster sharding's actors on it
# (V2), alternated; each with sched-wait.py sampling 12 s of the 1,000 checks/s window's end and the 20,000/s
# window's start. BUILD=<a build of the commit> OUT=<dir> run-g1.sh ROUNDS
# (g1-20s-base1.txt: the same harness, rate=20000 seconds=60 reps=1, V0, sampled 20 s into the measured window.)
J="java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
D=pekko.actor.default-dispatcher.fork-join-executor
I=pekko.actor.internal-dispatcher.fork-join-executor
V0=""
V1="-D$D.parallelism-min=2 -D$D.parallelism-max=2 -D$I.parallelism-min=2 -D$I.parallelism-max=2"
V2="-D$D.parallelism-min=2 -D$D.parallelism-max=2 -Dpekko.cluster.sharding.use-dispatcher=pekko.actor.default-dispatcher"
SCRIPTS=$(cd "$(dirname "$0")/../../../scripts" && pwd)
for r in $(seq 1 $1); do
  for v in V0 V1 V2; do
    N=$OUT/g1-20s-$v-r$r
    (cd $BUILD && $J ${!v} -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
      io.riskpulse.bench.e2e.PreTradeLatency seconds=20 reps=2 > $N.txt 2>&1) &
    PID=$!
    while ! grep -q "^  1     1000" $N.txt 2>/dev/null; do sleep 1; kill -0 $PID 2>/dev/null || break; done
    sleep 3
    python3 $SCRIPTS/sched-wait.py $(pgrep -f PreTradeLatency | head -1) 12 > $N.sched.txt 2>&1
    wait $PID
  done
done
