#!/bin/sh
# Speed of `cadence inbox --dry-run --format json` on a Maildir of N mixed messages (default
# 10,000): bounces of several server styles, a delivery report, auto-replies in four languages,
# a complaint, replies quoting our email, a newsletter. Prints wall time, CPU time and peak RSS of
# the whole process (median of RUNS runs) and the verdict counts.
# Usage: bench/inbox-maildir.sh [N] [RUNS]
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
N=${1:-10000}
RUNS=${2:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$HERE/bin/cadence" --version >/dev/null # builds the jar on first use
(cd "$HERE" && java bench/InboxMaildirGen.java "$WORK/Maildir" "$N")
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -x /usr/bin/time ]; then
  echo "note: /usr/bin/time is missing: no peak RSS; timing with the shell instead"
  start=$(date +%s%N)
  "$HERE/bin/cadence" inbox --dry-run --format json --now 2026-12-18T10:00:00Z "$WORK/Maildir" >"$WORK/out.json"
  end=$(date +%s%N)
  echo "inbox --dry-run on $N messages: $(( (end - start) / 1000000 )) ms wall"
else
  k=0
  while [ $k -lt "$RUNS" ]; do
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$HERE/bin/cadence" inbox --dry-run --format json \
      --now 2026-12-18T10:00:00Z "$WORK/Maildir" >"$WORK/out.json"
    tail -n 1 "$WORK/time"
    k=$((k + 1))
  done | sort -n >"$WORK/times"
  awk -v n="$N" -v runs="$RUNS" '{t[NR]=$1; m[NR]=$2; c[NR]=$3+$4} END {m2=int((NR+1)/2); printf "inbox --dry-run --format json, %d messages: median %.2f s wall (of %d runs), %.2f s CPU (user+sys), peak RSS %.0f MB\n", n, t[m2], runs, c[m2], m[m2]/1024}' "$WORK/times"
fi
"$HERE/bin/cadence" inbox --dry-run --now 2026-12-18T10:00:00Z "$WORK/Maildir" | tail -n 1
