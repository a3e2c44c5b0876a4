#!/bin/sh
# Benchmark of `cadence validate`: wall time of the whole process (what a CI loop pays), median of
# several runs, for one file and for 1,000 generated files in one call. Prints the figures.
# Usage: bench/validate.sh [runs]   (default 10)
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
RUNS=${1:-10}
WORK=${CADENCE_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
[ -n "${CADENCE_BENCH_DIR:-}" ] || trap 'rm -rf "$WORK"' EXIT

"$HERE/bin/cadence" --version >/dev/null   # builds the jar and the class-data archive on first use

# One realistic cadence (10 steps, schedule, guarded exit, variants, branches) and its templates.
mkdir -p "$WORK/one/templates" "$WORK/one/scripts"
for t in intro intro-fr follow-up last-chance; do
  printf -- '---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}}, a word about {{company}}.\n' >"$WORK/one/templates/$t.md"
done
printf '# Call script\nAsk about needs.\n' >"$WORK/one/scripts/check.md"
cat >"$WORK/one/template.yaml" <<'YAML'
cadence: bench-ID
name: Benchmark cadence ID
model: transactional
schedule:
  timezone: lead
  fallback_timezone: Europe/Paris
  business_days: [MON, TUE, WED, THU, FRI]
  window: "09:00-17:00"
  holidays: [2026-12-25, 2027-01-01]
  min_gap: 4h
exit_on: [replied, unsubscribed, bounced, meeting_booked]
exits:
  not_interested:
    status: Not interested
    require: { email: 2, call: 1 }
  qualified:
    status: Qualified
steps:
  - id: intro-email
    day: 1
    channel: email
    template: intro
    variants: { EMEA-FR: intro-fr }
  - id: check-call
    day: 2
    channel: call
    script: check
    on:
      connected: qualify-call
  - id: follow-up-email
    day: 5
    channel: email
    template: follow-up
  - id: follow-up-call
    day: 5
    channel: call
    script: check
    on:
      connected: qualify-call
  - id: social-touch
    day: 9
    channel: social
  - id: call-12
    day: 12
    channel: call
    on: { connected: qualify-call }
  - id: call-14
    day: 14
    channel: call
    on:
      connected: qualify-call
      not_interested: { exit: not_interested }
  - id: last-email
    day: 18
    channel: email
    template: last-chance
    next: { exit: not_interested }
  - id: qualify-call
    wait: 1d
    channel: call
    requires: [budget, decision_date]
    checklist: [confirm-need, identify-decision-makers]
    next: { exit: qualified }
YAML
sed 's/ID/1/g' "$WORK/one/template.yaml" >"$WORK/one/cadence.yaml"
rm "$WORK/one/template.yaml"

mkdir -p "$WORK/many/templates" "$WORK/many/scripts"
cp "$WORK/one/templates/"* "$WORK/many/templates/"
cp "$WORK/one/scripts/"* "$WORK/many/scripts/"
i=1
while [ $i -le 1000 ]; do
  sed "s/^cadence: bench-1$/cadence: bench-$i/; s/cadence 1$/cadence $i/" "$WORK/one/cadence.yaml" >"$WORK/many/c$i.yaml"
  i=$((i + 1))
done

now_ms() { date +%s%3N; }

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1000}'; }

run_quiet() { # command...: runs it, output discarded; stops the benchmark if it fails
  "$@" >/dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; "$@" | tail -5 >&2; exit 1; }
}

time_runs() { # runs command...
  n=$1; shift
  k=0
  while [ $k -lt "$n" ]; do
    start=$(now_ms)
    run_quiet "$@"
    end=$(now_ms)
    echo $((end - start))
    k=$((k + 1))
  done | median
}

# Median wall time of the command, run by run alternated with a bare `java -version`, so that both
# see the same machine (a shared VM's speed drifts within seconds): compare the two, not the
# absolute figure, between sessions. With GNU time, also the median CPU time (user + sys) of the
# command, which a busy machine inflates less than the wall time.
time_vs_java() { # runs command...
  n=$1; shift
  : >"$WORK/t.cmd"
  : >"$WORK/t.java"
  : >"$WORK/t.cpu"
  k=0
  while [ $k -lt "$n" ]; do
    start=$(now_ms)
    run_quiet java -version
    end=$(now_ms)
    echo $((end - start)) >>"$WORK/t.java"
    start=$(now_ms)
    run_quiet "$@"
    end=$(now_ms)
    echo $((end - start)) >>"$WORK/t.cmd"
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$WORK/t.one" "$@" >/dev/null 2>&1 || true
      awk '{printf "%d\n", ($1 + $2) * 1000}' "$WORK/t.one" >>"$WORK/t.cpu"
    fi
    k=$((k + 1))
  done
  cpu=""
  if [ -s "$WORK/t.cpu" ]; then cpu=", CPU (user+sys) $(median <"$WORK/t.cpu") s"; fi
  echo "$(median <"$WORK/t.cmd") s wall$cpu; java -version in the same runs: $(median <"$WORK/t.java") s wall"
}

"$HERE/bin/cadence" validate --strict "$WORK/one/cadence.yaml" >/dev/null
"$HERE/bin/cadence" validate --strict "$WORK/many" >/dev/null

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "validate 1 file (median of $RUNS, whole process): $(time_vs_java "$RUNS" "$HERE/bin/cadence" validate "$WORK/one/cadence.yaml")"
echo "validate 1 file, plain java -jar (no AppCDS, no C1 flag) (median of $RUNS): $(time_runs "$RUNS" java -jar "$HERE/target/cadence.jar" validate "$WORK/one/cadence.yaml") s"
echo "validate 1,000 files in one call (median of 5, wall): $(time_runs 5 "$HERE/bin/cadence" validate "$WORK/many") s"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
