#!/bin/bash
# Section 40.6 (the same as 40.4 with warmupSeconds=75): BEFORE=<build without the change> AFTER=<build with it> OUT=<dir> run.sh ROUNDS
# Each round: WakeUpFloor (the machine's floor, floor-r*), then PreTradeLatency at its defaults with checks judged in
# place, the sender spinning, Shenandoah, stretches of sends more than 5 ms late printed: before and after with the
# sender thread at nice -20 (needs root), and after at the default nice (rounds 1 and 2 only: VARIANTS and FIRST
# choose, e.g. FIRST=3 VARIANTS="before-nice after-nice" run.sh 4).
J="java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
for r in $(seq ${FIRST:-1} $1); do
  (cd $AFTER && $J -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' io.riskpulse.bench.e2e.WakeUpFloor reps=1 > $OUT/floor-r$r.txt 2>&1)
  for v in ${VARIANTS:-before-nice after-nice after-plain}; do
    case $v in before-*) B=$BEFORE;; *) B=$AFTER;; esac
    case $v in *-nice) N="senderNice=-20";; *) N="";; esac
    (cd $B && $J -XX:+UseShenandoahGC -Driskpulse.pretrade.in-place=on -Xlog:gc,safepoint:file=$OUT/$v-r$r.gc.log -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' io.riskpulse.bench.e2e.PreTradeLatency wait=spin stallMillis=5 warmupSeconds=75 $N > $OUT/$v-r$r.txt 2>&1)
  done
done
