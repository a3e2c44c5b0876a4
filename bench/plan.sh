#!/bin/sh
# Benchmark of `cadence plan`: wall time, CPU time and peak RSS of the whole process planning N leads
# (default 100,000) through the outbound-lead-qualification sample (11 touches per lead).
# Usage: bench/plan.sh [leads] [runs]
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
N=${1:-100000}
RUNS=${2:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$HERE/bin/cadence" --version >/dev/null
"$HERE/samples/generate-leads.sh" "$N" >"$WORK/leads.csv"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for format in csv json text ics; do
  k=0
  while [ $k -lt "$RUNS" ]; do
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$HERE/bin/cadence" plan "$HERE/cadences/outbound-lead-qualification.yaml" \
      --leads "$WORK/leads.csv" --start 2026-12-01 --now 2026-11-27T10:00:00Z --format "$format" >"$WORK/out" 2>/dev/null
    cat "$WORK/time"
    k=$((k + 1))
  done | sort -n >"$WORK/times"
  awk -v f="$format" -v n="$N" -v runs="$RUNS" -v bytes="$(wc -c <"$WORK/out")" \
    '{t[NR]=$1; m[NR]=$2; c[NR]=$3+$4} END {printf "plan %d leads --format %s: median %.2f s wall (of %d), %.2f s CPU (user+sys, same run), peak RSS %.0f MB, output %.0f MB\n", n, f, t[int((NR+1)/2)], runs, c[int((NR+1)/2)], m[int((NR+1)/2)]/1024, bytes/1048576}' "$WORK/times"
done
