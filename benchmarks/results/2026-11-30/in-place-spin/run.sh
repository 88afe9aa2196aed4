#!/bin/bash
# Section 40.3: PreTradeLatency at its defaults, checks judged in place, the sender spinning (wait=spin).
#   run.sh unpinned ROUNDS   G1 and Shenandoah alternated, the floor first (unpinned-*)
#   run.sh pin NAME [JAVA OPTS]    the node's threads on CPU 0, the sender alone on CPU 1 (SH-pin1, G1-pin1)
#   run.sh nice NAME [JAVA OPTS]   nothing pinned, the sender thread at nice -20 (SH-nice*, SH-nosync1, SH-nodet1,
#                                  SH-jfr1 with -XX:StartFlightRecording)
# BUILD=<a build of the commit>; SH-nice2, SH-nosync1, SH-nodet1 and SH-jfr1 ran a build with
# benchmarks/results/2026-11-28/stalls/stall-episodes.patch applied (its "stall at" lines; PreTradeLatency's
# stallMillis option does the same since). OUT=<dir>. Needs root (taskset of another process's threads, renice -20).
J="java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
MODE=$1; shift
sender_tid() { # the harness's main thread, once it says how it waits
  while ! grep -q "^sender waits" $1 2>/dev/null; do sleep 0.2; done
  echo $(( $(jcmd $2 Thread.print | grep '^"main"' | grep -o 'nid=0x[0-9a-f]*' | cut -d= -f2) ))
}
case $MODE in
unpinned)
  for r in $(seq 1 $1); do
    for v in G1 SH; do
      GC=""; [ $v = SH ] && GC=-XX:+UseShenandoahGC
      (cd $BUILD && $J -cp "$CP" io.riskpulse.bench.e2e.WakeUpFloor reps=1 > $OUT/unpinned-$v-r$r.floor.txt)
      (cd $BUILD && $J $GC -Driskpulse.pretrade.in-place=on -Xlog:gc,safepoint:file=$OUT/unpinned-$v-r$r.gc.log \
        -cp "$CP" io.riskpulse.bench.e2e.PreTradeLatency wait=spin > $OUT/unpinned-$v-r$r.txt 2>&1)
    done
  done ;;
pin)
  N=$1; shift
  taskset -p -c 0 $$ > /dev/null # this loop and its tasksets stay off the sender's CPU
  cd $BUILD
  taskset -c 0 $J -Driskpulse.pretrade.in-place=on "$@" -Xlog:gc,safepoint:file=$OUT/$N.gc.log -cp "$CP" \
    io.riskpulse.bench.e2e.PreTradeLatency wait=spin > $OUT/$N.txt 2>&1 &
  PID=$!
  MAIN=$(sender_tid $OUT/$N.txt $PID)
  echo "main tid $MAIN" > $OUT/$N.pin.txt
  taskset -p -c 1 $MAIN >> $OUT/$N.pin.txt
  declare -A seen
  while kill -0 $PID 2>/dev/null; do # threads the sender starts inherit CPU 1: move them back
    for t in $(ls /proc/$PID/task 2>/dev/null); do
      [ "$t" = "$MAIN" ] || [ -n "${seen[$t]}" ] && continue
      seen[$t]=1
      if [ "$(taskset -p $t 2>/dev/null | awk '{print $NF}')" != "1" ]; then
        echo "re-pinned $t $(cat /proc/$PID/task/$t/comm 2>/dev/null)" >> $OUT/$N.pin.txt
        taskset -p -c 0 $t > /dev/null 2>&1
      fi
    done
    sleep 0.5
  done ;;
nice)
  N=$1; shift
  cd $BUILD
  $J -Driskpulse.pretrade.in-place=on "$@" -Xlog:gc*,safepoint:file=$OUT/$N.gc.log -cp "$CP" \
    io.riskpulse.bench.e2e.PreTradeLatency wait=spin > $OUT/$N.txt 2>&1 &
  PID=$!
  renice -n -20 -p $(sender_tid $OUT/$N.txt $PID) > $OUT/$N.pin.txt
  wait $PID ;;
esac
