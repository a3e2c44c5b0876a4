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

mkdir -p "$WORK/templates" "$WORK/scripts"
for t in intro intro-fr follow-up last-chance connect; do
  printf -- '---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}}, a word about {{company}}.\n' >"$WORK/templates/$t.md"
done
printf '# Call script\nAsk about needs.\n' >"$WORK/scripts/check.md"
cat >"$WORK/bench-8.yaml" <<'YAML'
cadence: bench-eight
name: Benchmark cadence, 8 steps
model: transactional
schedule:
  timezone: lead
  fallback_timezone: Europe/Paris
  business_days: [MON, TUE, WED, THU, FRI]
  window: "09:00-17:00"
  holidays: [2026-12-25, 2027-01-01]
  min_gap: 2h
exit_on: [replied, unsubscribed, bounced, meeting_booked]
exits:
  interested:
    status: Qualified
  not_interested:
    status: Not interested
    require: { email: 2, call: 1 }
  no_response:
    status: No response
steps:
  - { id: intro-email, day: 1, channel: email, template: intro, variants: { EMEA-FR: intro-fr } }
  - id: check-call
    day: 2
    channel: call
    script: check
    on: { interested: { exit: interested } }
  - { id: follow-up-email, day: 5, channel: email, template: follow-up }
  - id: follow-up-call
    day: 5
    channel: call
    script: check
    on: { interested: { exit: interested }, not_interested: { exit: not_interested } }
  - { id: social-touch, day: 9, channel: social, template: connect }
  - id: call-12
    day: 12
    channel: call
    script: check
    on: { interested: { exit: interested }, not_interested: { exit: not_interested } }
  - id: call-14
    day: 14
    channel: call
    script: check
    on: { interested: { exit: interested }, not_interested: { exit: not_interested } }
  - { id: last-email, day: 18, channel: email, template: last-chance, next: { exit: no_response } }
YAML
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
