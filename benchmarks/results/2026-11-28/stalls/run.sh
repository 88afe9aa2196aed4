#!/usr/bin/env bash
# Section 22.3: where the single sender's late sends come from. A build (ROOT) of the harness with
# stall-episodes.patch applied (it prints every stretch of sends more than 2 ms late, with its JVM uptime), one run
# judged in place and one asked, G1 and safepoint logs with uptime; then stalls-vs-gc.py. Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-28/stalls}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
for v in in-place asked; do
  mode=on; [ "$v" = asked ] && mode=off
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -Driskpulse.pretrade.in-place=$mode -Xlog:gc,safepoint:file="$OUT/$v-gc.log":uptime \
    -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' io.riskpulse.bench.e2e.PreTradeLatency \
    rate=5000 seconds=30 warmupSeconds=30 reps=1 baselineSeconds=5 > "$OUT/$v.txt" 2>&1)
done
(cd "$OUT" && ./stalls-vs-gc.py in-place asked > stalls-vs-gc.txt)
