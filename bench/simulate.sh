#!/bin/sh
# Benchmark of `cadence simulate`: N leads (default 1,000,000) through an 8-step cadence with
# -Xmx512m, the log written to a temporary folder. Prints the wall time, the CPU time (user+sys) and
# peak RSS of the whole process (/usr/bin/time), what was written, and the machine's load (other
# processes on a 2-core machine change the wall figure a lot: read it with the load beside it; the
# CPU time moves much less, and is the figure to compare two builds with on a busy machine).
# Usage: bench/simulate.sh [LEADS]
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
N=${1:-1000000}
WORK=${CADENCE_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
[ -n "${CADENCE_BENCH_DIR:-}" ] || trap 'rm -rf "$WORK"' EXIT
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

"$HERE/bin/cadence" --version >/dev/null   # builds target/cadence.jar on first use

sh "$HERE/samples/generate-leads.sh" "$N" >"$WORK/leads.csv"

cp -R "$HERE/bench/fixtures/eight-steps/." "$WORK/"   # bench-8.yaml, its templates and script
"$HERE/bin/cadence" validate --strict --quiet "$WORK/bench-8.yaml"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
# Plain java -jar (C2), not bin/cadence's lint flags; with the default collector (G1), then with the
# parallel collector, which suits a batch run like this one (less CPU and memory on 2 cores).
run() { # label, extra JVM options...
  label=$1; shift
  echo "load before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$JAVA" -Xmx512m "$@" -jar "$HERE/target/cadence.jar" simulate "$WORK/bench-8.yaml" \
    --leads "$WORK/leads.csv" --start 2026-03-02 --seed 1 --out "$WORK/log.csv" --format json >"$WORK/summary.json"
  read -r wall rss user sys <"$WORK/time"
  echo "simulate $N leads, 8-step cadence, -Xmx512m, $label: ${wall} s wall, $(echo "$user $sys" | awk '{printf "%.2f", $1 + $2}') s CPU (user+sys), peak RSS $((rss / 1024)) MiB"
}
run "default collector (G1)"
run "-XX:+UseParallelGC" -XX:+UseParallelGC
echo "load after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
lines=$(wc -l <"$WORK/log.csv")
bytes=$(wc -c <"$WORK/log.csv")
echo "log: $((lines - 1)) events, $((bytes / 1048576)) MiB"
