#!/usr/bin/env bash
# Section 23: kill loops of the embedded journal's load on H2 alone. Repro.java's parent starts a child JVM that
# writes (see its options below), kills it with SIGKILL after 0.3-2.8 s, reopens the file and checks every index,
# and does it again on the same file until the first inconsistency or the given number of kills. Run from this
# folder (WORK: a scratch folder for the databases). Options, as -D system properties: wd (H2's WRITE_DELAY, default
# 100), nocp (no CHECKPOINT thread), nodel (no deletes), nosnap (no snapshot BLOBs), noread, notags, writers
# (writing connections, default 4), ac (auto-commit single rows), single (one connection does every write).
# run-252-default.txt is from an earlier version of Repro.java without the identity check and the single mode.
set -eu
WORK=${WORK:-$(mktemp -d)}
M2=${M2:-$HOME/.m2/repository/com/h2database/h2}
sed -n '/CREATE TABLE IF NOT EXISTS PUBLIC."event_journal"/,/^CREATE SEQUENCE/p' \
  ../../../../persistence/src/main/resources/io/riskpulse/persistence/h2-schema.sql | grep -v '^CREATE SEQUENCE' \
  > "$WORK/schema.sql"
for v in 2.5.252 2.3.232; do
  mkdir -p "$WORK/cls-$v" && javac -cp "$M2/$v/h2-$v.jar" -d "$WORK/cls-$v" Repro.java
done
run() { # name h2-version kills options...
  local name=$1 v=$2 kills=$3; shift 3
  (cd "$WORK" && java "$@" -cp "$M2/$v/h2-$v.jar:cls-$v" Repro parent "$WORK/d$name" "$kills") > "$name.txt"
}
run A-252 2.5.252 60
run B-232 2.3.232 60
run C-nocp 2.5.252 40 -Dnocp=true
run D-nodel-nosnap 2.5.252 40 -Dnodel=true -Dnosnap=true
run E 2.5.252 30 -Dwriters=1 -Dac=true -Dnocp=true -Dnodel=true -Dnosnap=true -Dnoread=true -Dnotags=true
run F 2.5.252 30 -Dwriters=1 -Dac=true -Dnocp=true -Dnodel=true -Dnosnap=true -Dnoread=true -Dnotags=true -Dwd=0
run G 2.5.252 40 -Dwd=0
run H 2.5.252 40 -Dwriters=1 -Dnocp=true -Dnodel=true -Dnosnap=true -Dnoread=true -Dnotags=true -Dwd=0
run I 2.5.252 40 -Dwd=1000000
run J 2.5.252 80 -Dwd=0
run S 2.5.252 80 -Dsingle=true -Dwd=0
run T 2.5.252 40 -Dsingle=true -Dwd=100
