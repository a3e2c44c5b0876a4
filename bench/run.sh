#!/bin/sh
# Benchmark of `cadence run` (one tick), with the figures docs/benchmarks.md reports:
#  1. a tick over N active enrollments (default 100,000) with nothing due: wall time, CPU, peak RSS;
#  2. a tick that sends M due emails (default 10,000) to a loopback SMTP sink (bench/SmtpSink.java):
#     emails per second of wall time, peak RSS, and the sink's count (must equal M).
# Usage: bench/run.sh [enrollments] [emails] [runs]
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
N=${1:-100000}
M=${2:-10000}
RUNS=${3:-3}
WORK=$(mktemp -d)
SINK_PID=
cleanup() {
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

"$HERE/bin/cadence" --version >/dev/null
CADENCE="$HERE/bin/cadence"

# A cadence open every day and hour in one zone, so that every enrolled lead is due at the same tick.
mkdir -p "$WORK/templates"
cat >"$WORK/bench.yaml" <<'YAML'
cadence: bench
schedule:
  timezone: Europe/Paris
  business_days: [MON, TUE, WED, THU, FRI, SAT, SUN]
  window: "00:00-23:59"
  min_gap: 1d
exit_on: [replied, unsubscribed, bounced]
steps:
  - id: intro
    day: 1
    channel: email
    template: intro
  - id: call
    day: 3
    channel: call
YAML
printf -- '---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}} of {{company}},\n\na short note from Northwind.\n' \
  >"$WORK/templates/intro.md"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Nothing due: N enrollments that start next year.
"$HERE/samples/generate-leads.sh" "$N" >"$WORK/leads.csv"
/usr/bin/time -f "%e %U %S %M" -o "$WORK/enroll.time" "$CADENCE" enroll "$WORK/bench.yaml" --leads "$WORK/leads.csv" \
  --db "$WORK/idle.db" --start 2027-01-04 --now 2026-12-01T10:00:00Z -q
awk -v n="$N" '{printf "enroll %d leads: %.2f s wall, %.2f s CPU (user+sys), peak RSS %.0f MB\n", n, $1, $2+$3, $4/1024}' "$WORK/enroll.time"
k=0
while [ $k -lt "$RUNS" ]; do
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "$CADENCE" run --db "$WORK/idle.db" --now 2026-12-01T10:05:00Z -q
  cat "$WORK/t"
  k=$((k + 1))
done | sort -n >"$WORK/idle.times"
awk -v n="$N" -v runs="$RUNS" '{t[NR]=$1; c[NR]=$2+$3; m[NR]=$4} END {i=int((NR+1)/2);
  printf "tick over %d active enrollments, nothing due: median %.2f s wall (of %d), %.2f s CPU, peak RSS %.0f MB\n", n, t[i], runs, c[i], m[i]/1024}' \
  "$WORK/idle.times"

# 2. M emails due now, sent to the loopback sink.
"$HERE/samples/generate-leads.sh" "$M" | awk -F, 'NR == 1 || $11 != "true"' >"$WORK/due.csv"
DUE=$(($(wc -l <"$WORK/due.csv") - 1))
"$CADENCE" enroll "$WORK/bench.yaml" --leads "$WORK/due.csv" --db "$WORK/due.db" --start 2026-12-01 \
  --now 2026-12-01T00:00:00Z -q
java "$HERE/bench/SmtpSink.java" "$WORK/port" "$WORK/count" &
SINK_PID=$!
while [ ! -s "$WORK/port" ]; do sleep 0.2; done
PORT=$(cat "$WORK/port")
# A small heap on purpose: the tick pages through the due enrollments and sends in batches, so its
# memory does not grow with the number of emails; a leak would fail here instead of hiding in RSS.
HEAP=${CADENCE_BENCH_HEAP:--Xmx128m}
CADENCE_JAVA_OPTS="$HEAP" /usr/bin/time -f "%e %U %S %M" -o "$WORK/send.time" "$CADENCE" run --db "$WORK/due.db" --now 2026-12-01T10:00:00Z -q \
  --smtp "smtp://127.0.0.1:$PORT" --from sales@northwind.example --log "$WORK/log.csv" \
  --daily-cap 1000000
kill "$SINK_PID"
wait "$SINK_PID" 2>/dev/null || true
SINK_PID=
RECEIVED=$(cat "$WORK/count")
awk -v n="$DUE" -v got="$RECEIVED" -v heap="$HEAP" '{printf "tick sending %d due emails to a loopback SMTP sink (%s): %.2f s wall, %.0f emails/s, %.2f s CPU, peak RSS %.0f MB; sink received %d\n", n, heap, $1, n/$1, $2+$3, $4/1024, got}' \
  "$WORK/send.time"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$RECEIVED" != "$DUE" ]; then
  echo "error: the sink received $RECEIVED messages, not $DUE" >&2
  exit 1
fi
