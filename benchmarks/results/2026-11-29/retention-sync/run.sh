#!/usr/bin/env bash
# Section 38: the embedded journal synced every second with H2's retention at 5 s, and compaction under load.
# Run from the root of a packaged build (mvn -B -q package -DskipTests); results go to OUT. One build for every arm:
# each arm sets the settings it measures. SET picks the comparison:
#   ab        FillLatency (idleSeconds=5): 512 KB every 200 ms under load (the first version's defaults), the
#             settings before this section, and syncs alone (retention 45 s, no compaction under load); twice
#   variants  FillLatency (idleSeconds=5): 128 KB every 50 ms (the interval shipped), 256 KB every 100 ms, 512 KB every 200 ms;
#             twice
#   long      FillThroughput with 128 KB under load and before, FillLatency with 60 s repetitions (five) before and
#             with 128 KB, FillThroughput before and with 128 KB, then FillLatency the same way with 512 KB (shipped)
#             and 256 KB
#   after     FillLatency as in long: H2's pages at 4 KB (not shipped), then the build that forces the file after
#             each compaction run (shipped)
# The compactor's DEBUG lines go to the outputs (logback-debug.xml of section 37); compactor-runs.py summarises them
# into compactor-runs.txt and strips them (as done for the outputs here).
set -u
OUT=${OUT:-$PWD/benchmarks/results/2026-11-29/retention-sync}
LOGBACK=${LOGBACK:-$PWD/benchmarks/results/2026-11-29/compaction/logback-debug.xml}
OPENS='--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED'
CP='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
jvm() { local name=$1; shift
  echo "$(date -u +%H:%M:%S) $name"
  java $OPENS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Dlogback.configurationFile="$LOGBACK" \
    -Xlog:gc:file="$OUT/$name-gc.log":uptime -cp "$CP" "$@" > "$OUT/$name.txt" 2>&1
}
C=-Driskpulse.persistence.compaction
BEFORE="-Driskpulse.persistence.h2-retention-ms=45000 -Driskpulse.persistence.sync-interval=0 $C.busy-max-write-kb=0 $C.interval=200ms $C.idle-max-write-kb=4096 $C.quiet-writes=10 $C.quiet-max-write-kb=512"
# The long runs' "before": retention 45 s, no syncs, no compaction under load, the shipped looks otherwise (under
# sustained load no run either way).
BEFORE_LONG="-Driskpulse.persistence.h2-retention-ms=45000 -Driskpulse.persistence.sync-interval=0 $C.busy-max-write-kb=0"
SYNCONLY="-Driskpulse.persistence.h2-retention-ms=45000 $C.busy-max-write-kb=0 $C.interval=200ms $C.idle-max-write-kb=4096 $C.quiet-writes=10 $C.quiet-max-write-kb=512"
V200="$C.interval=200ms $C.busy-max-write-kb=512 $C.quiet-writes=10 $C.idle-max-write-kb=4096 $C.quiet-max-write-kb=512"
V100="$C.interval=100ms $C.busy-max-write-kb=256 $C.quiet-writes=5 $C.idle-max-write-kb=4096 $C.quiet-max-write-kb=512"
V50="$C.interval=50ms $C.busy-max-write-kb=128 $C.quiet-writes=3 $C.idle-max-write-kb=4096 $C.quiet-max-write-kb=512"
mkdir -p "$OUT"
FL=io.riskpulse.bench.e2e.FillLatency
FT=io.riskpulse.bench.e2e.FillThroughput
case ${SET:-ab} in
  ab) for round in 1 2; do
        jvm new-$round $V200 $FL idleSeconds=5
        jvm old-$round $BEFORE $FL idleSeconds=5
        jvm synconly-$round $SYNCONLY $FL idleSeconds=5
      done ;;
  variants) for round in 1 2; do
        jvm v50-$round $V50 $FL idleSeconds=5
        jvm v100-$round $V100 $FL idleSeconds=5
        jvm v200-$round $V200 $FL idleSeconds=5
      done ;;
  long) jvm tp-new-1 $C.busy-max-write-kb=128 $FT
        jvm tp-old-1 $BEFORE_LONG $FT
        jvm long-old $BEFORE_LONG $FL seconds=60 reps=5 baselineSeconds=5
        jvm long-new $C.busy-max-write-kb=128 $FL seconds=60 reps=5 baselineSeconds=5
        jvm tp-old-2 $BEFORE_LONG $FT
        jvm tp-new-2 $C.busy-max-write-kb=128 $FT
        jvm long-b512 $C.busy-max-write-kb=512 $FL seconds=60 reps=5 baselineSeconds=5
        jvm long-b256 $C.busy-max-write-kb=256 $FL seconds=60 reps=5 baselineSeconds=5 ;;
  after) jvm long-p4k $C.busy-max-write-kb=512 "-Driskpulse.persistence.h2-url-settings=;PAGE_SIZE=4096" $FL \
           seconds=60 reps=5 baselineSeconds=5     # H2's pages at 4 KB (not shipped), build of the long runs
         jvm long-synced $FL seconds=60 reps=5 baselineSeconds=5   # the shipped build: forced after each run
         ;;
esac
echo "$(date -u +%H:%M:%S) done"
