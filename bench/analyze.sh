#!/bin/sh
# Benchmark of `cadence analyze` against DuckDB (2 threads, in memory, JDBC) over the same outcome
# log, timed as whole processes (/usr/bin/time: wall, CPU, peak RSS), alternating, in one run:
#   simple:  bench/analyze-anchor-simple.sql, the simple anchor (one read_csv, a group-by to
#            touches, a window for position and gap, the aggregates): the one to beat;
#   full:    bench/analyze-anchor.sql, every rule of docs/analytics.md (duplicates, attribution by
#            ASOF joins, findings), as the agreement tests run it. FULL=0 skips it (it is slow).
# Then each anchor's counts are compared line by line with analyze's JSON: they must agree exactly.
#
# The log: LEADS leads (default 400,000, about 4.2 million events, 355 MB) simulated through an
# 8-step cadence, then sorted by timestamp like the log `cadence run` appends to (leads interleaved).
# It is kept in CADENCE_BENCH_DIR when that is set, and reused. Runs: RUNS (default 3) of each; the
# medians and analyze's ratio to the simple anchor are printed last. On a 2-core machine other
# processes change wall times a lot: read them with the load and CPU seconds printed beside them.
# Usage: bench/analyze.sh [LEADS]
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
LEADS=${1:-400000}
RUNS=${RUNS:-3}
WORK=${CADENCE_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
[ -n "${CADENCE_BENCH_DIR:-}" ] || trap 'rm -rf "$WORK"' EXIT
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 3; }

"$HERE/bin/cadence" --version >/dev/null   # builds target/cadence.jar on first use

DUCKDB_VERSION=1.5.2.0
DUCKDB_JAR="${MAVEN_REPO:-$HOME/.m2/repository}/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
[ -f "$DUCKDB_JAR" ] || mvn -q -B dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" >&2

LOG="$WORK/log-$LEADS.csv"
if [ ! -f "$LOG" ]; then
  sh "$HERE/samples/generate-leads.sh" "$LEADS" >"$WORK/leads.csv"
  cp -R "$HERE/bench/fixtures/eight-steps/." "$WORK/"   # bench-8.yaml, its templates and script
  "$HERE/bin/cadence" simulate "$WORK/bench-8.yaml" --leads "$WORK/leads.csv" --start 2026-03-02 --seed 1 \
    --out "$WORK/by-lead.csv" --quiet
  # A live log is appended in time order, leads interleaved (text order of the timestamps: close to it).
  { head -n 1 "$WORK/by-lead.csv"; tail -n +2 "$WORK/by-lead.csv" | LC_ALL=C sort -t, -k1,1 -S 512M; } >"$LOG.tmp"
  mv "$LOG.tmp" "$LOG"
  rm -f "$WORK/by-lead.csv"
fi

mkdir -p "$WORK/anchor"
"$JAVAC" -cp "$HERE/target/cadence.jar" -d "$WORK/anchor" "$HERE/bench/AnalyzeAnchor.java"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "log: $(($(wc -l <"$LOG") - 1)) events, $(($(wc -c <"$LOG") / 1048576)) MiB"
measure() { # label, stdout file, command...
  label=$1; out=$2; shift 2
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" >"$out"
  read -r wall user sys rss <"$WORK/time"
  echo "$label $wall $((rss / 1024))" >>"$WORK/walls"
  echo "$label: ${wall} s wall, $(echo "$user $sys" | awk '{printf "%.2f", $1 + $2}') s CPU, peak RSS $((rss / 1024)) MiB (load before: $load)"
}
FULL=${FULL:-1}
: >"$WORK/walls"
i=1
while [ "$i" -le "$RUNS" ]; do
  measure "duckdb-simple" "$WORK/simple.txt" "$JAVA" -cp "$DUCKDB_JAR:$WORK/anchor" AnalyzeAnchor \
    "$HERE/bench/analyze-anchor-simple.sql" 2 "$LOG"
  if [ "$FULL" = 1 ]; then
    measure "duckdb-full" "$WORK/duckdb.txt" "$JAVA" -cp "$DUCKDB_JAR:$WORK/anchor" AnalyzeAnchor \
      "$HERE/bench/analyze-anchor.sql" 2 "$LOG"
  fi
  measure "analyze" /dev/null "$HERE/bin/cadence" analyze "$LOG" --format json --out "$WORK/analyze.json"
  i=$((i + 1))
done
"$JAVA" -cp "$HERE/target/cadence.jar:$WORK/anchor" AnalyzeAnchor json "$WORK/analyze.json" >"$WORK/analyze.txt"
compare() { # anchor label, anchor lines, analyze lines
  if diff "$2" "$3" >"$WORK/diff.txt"; then
    echo "counts, $1: $(wc -l <"$2") result lines, all equal to analyze's"
  else
    echo "counts DIFFER from $1:" >&2
    head -n 20 "$WORK/diff.txt" >&2
    exit 1
  fi
}
# The simple anchor computes the four metric tables only.
grep -E '^(open_rate_by_region|open_rate_by_region_template|response_rate_by_gap|response_rate_by_position_channel) ' \
  "$WORK/analyze.txt" >"$WORK/analyze-metrics.txt" || true
compare "duckdb-simple" "$WORK/simple.txt" "$WORK/analyze-metrics.txt"
if [ "$FULL" = 1 ]; then compare "duckdb-full" "$WORK/duckdb.txt" "$WORK/analyze.txt"; fi
awk '{w[$1] = w[$1] " " $2; m[$1] = (m[$1] > $3 ? m[$1] : $3)}
  END {
    for (k in w) {
      n = split(substr(w[k], 2), v, " "); asort_n(v, n); med[k] = v[int((n + 1) / 2)]
      printf "median %s: %.2f s wall (of %d), max peak RSS %d MiB\n", k, med[k], n, m[k]
    }
    printf "analyze / duckdb-simple (medians): %.2fx\n", med["analyze"] / med["duckdb-simple"]
  }
  function asort_n(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t } }' "$WORK/walls"
echo "load after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
