#!/usr/bin/env bash
# Section 30.2: restart times with the corrected RecoveryReplay (it now reads how many events each portfolio replays
# from the stopped node's journal), one build (ROOT), alternated:
#   A. section 29.1 again: fixed intervals of 200 and 2,000 events, 200 portfolios, each replaying every - 3 events;
#   B. large windows (17,597 fills each, 50 portfolios): the default interval (200 doubling to 1,600; 1,597 events
#      replayed) against a fixed 200 (197 replayed). The first B rounds gave the default 17,599 fills, whose last
#      command took a snapshot at its last event (0 replayed): window-max-1600-fills-17599-*.txt, alternated with
#      window-max-200-round1-*.txt; the rounds kept as window-max-*-[12].txt ran with B_ROUNDS="1 2" A_ROUNDS="".
# Results go to OUT.
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/recovery-replay-2}
ROOT=${ROOT:-$PWD}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
run() { # name options...
  local name=$1; shift
  echo "$(date -u +%H:%M:%S) $name"
  (cd "$ROOT" && java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
    io.riskpulse.bench.e2e.RecoveryReplay "$@" > "$OUT/$name.txt" 2>&1)
}
for round in ${A_ROUNDS-1 2}; do
  run fixed-every-200-$round every=200
  run fixed-every-2000-$round every=2000 timeoutSeconds=300
done
for round in ${B_ROUNDS-1 2}; do
  run window-max-1600-$round portfolios=50 every=200 max=1600 fills=17597 timeoutSeconds=300
  run window-max-200-$round portfolios=50 every=200 max=200 fills=17597 timeoutSeconds=300
done
echo "$(date -u +%H:%M:%S) done"
# C. (run once, by hand, before A and B) section 29.1's fill counts, 2 * every - 1, replay nothing:
#   RecoveryReplay portfolios=10 reps=1 every=200 fills=399      > old-default-every-200.txt
#   RecoveryReplay portfolios=10 reps=1 every=2000 fills=3999    > old-default-every-2000.txt
