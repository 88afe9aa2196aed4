#!/usr/bin/env bash
# Section 39.2, the quotes' share: PreTradeLatency (two repetitions) under Shenandoah with the ten symbols re-quoted
# every 10 s instead of every 100 ms (prices stay within the check's 30 s freshness bound), alternated twice, on the
# build before the variant (BEFORE, a packaged build's root). Outputs quotes-q<interval>-<n>.txt in OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/timer-phase}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
mkdir -p "$OUT"
n=0
for q in 10000 100 10000 100; do
  [ "$q" = 10000 ] && n=$((n + 1))
  echo "$(date -u +%H:%M:%S) quotes-q$q-$n"
  (cd "$BEFORE" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -XX:+UseShenandoahGC \
    -cp "$CP" io.riskpulse.bench.e2e.PreTradeLatency quoteIntervalMillis=$q reps=2 > "$OUT/quotes-q$q-$n.txt" 2>&1)
done
echo "$(date -u +%H:%M:%S) done"
