#!/bin/sh
# Benchmark of `cadence inbox` as cron runs it, with the figures docs/benchmarks.md reports:
#  1. N leads enrolled and emailed by one tick (to a loopback SMTP sink), then a Maildir of one
#     message per lead answering that email (replies, hard bounces, out-of-office, complaints,
#     newsletters; bench/InboxLiveGen.java) judged, matched and recorded by `inbox --db`: wall time,
#     CPU and peak RSS of the whole process, and the verdict counts;
#  2. the same again, every message already read (what a cron tick pays on an unchanged Maildir);
#  3. the same messages from a loopback IMAP server (GreenMail, from the test class path):
#     messages per second, then an idle call with nothing new.
# Usage: bench/inbox.sh [N] [IMAP_N] (default 10,000 and 1,000: GreenMail itself slows down with
# many thousands of messages in one folder, which would measure it rather than `inbox`)
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
N=${1:-10000}
IMAP_N=${2:-1000}
WORK=$(mktemp -d)
SINK_PID=
cleanup() {
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
CADENCE="$HERE/bin/cadence"
"$CADENCE" --version >/dev/null

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
  - id: follow-up
    day: 20
    channel: email
    template: intro
YAML
printf -- '---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}},\n\na short note from Northwind.\n' \
  >"$WORK/templates/intro.md"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$HERE/samples/generate-leads.sh" "$N" | grep -v ',true$' | grep -v ',,rep' >"$WORK/leads.csv" || true
LEADS=$(($(wc -l <"$WORK/leads.csv") - 1))
"$CADENCE" enroll "$WORK/bench.yaml" --leads "$WORK/leads.csv" --db "$WORK/s.db" \
  --now 2026-12-01T10:00:00Z -q
(cd "$HERE" && java bench/SmtpSink.java "$WORK/port" "$WORK/count") &
SINK_PID=$!
while [ ! -s "$WORK/port" ]; do sleep 0.1; done
"$CADENCE" run --db "$WORK/s.db" --now 2026-12-01T10:05:00Z --smtp "smtp://127.0.0.1:$(cat "$WORK/port")?starttls=false" \
  --from sales@northwind.example --daily-cap "$LEADS" -q || true
cp "$WORK/s.db" "$WORK/s0.db" # the store as the tick left it, for the IMAP run below
(cd "$HERE" && java bench/InboxLiveGen.java "$WORK/leads.csv" "$WORK/Maildir" "$LEADS")
echo "$LEADS leads enrolled and emailed; $(ls "$WORK/Maildir/new" "$WORK/Maildir/cur" | grep -c bench) messages back"

/usr/bin/time -f "%e %U %S %M" -o "$WORK/t1" "$CADENCE" inbox --db "$WORK/s.db" --log "$WORK/log.csv" \
  --now 2026-12-01T16:00:00Z "$WORK/Maildir" >"$WORK/out1.txt" || true
awk '{printf "inbox, every message new (judged, matched, recorded): %.2f s wall, %.2f s CPU, peak RSS %.0f MB\n", $1, $2+$3, $4/1024}' "$WORK/t1"
tail -n 1 "$WORK/out1.txt"
echo "outcome log lines written: $(($(wc -l <"$WORK/log.csv") - 1))"
/usr/bin/time -f "%e %U %S %M" -o "$WORK/t2" "$CADENCE" inbox --db "$WORK/s.db" --log "$WORK/log.csv" \
  --now 2026-12-01T16:05:00Z "$WORK/Maildir" >"$WORK/out2.txt" || true
awk '{printf "inbox again, every message already read: %.2f s wall, %.2f s CPU, peak RSS %.0f MB\n", $1, $2+$3, $4/1024}' "$WORK/t2"
tail -n 1 "$WORK/out2.txt"

# 3. The same messages from an IMAP folder on loopback (GreenMail), into the store as it was after
#    the tick: messages per second of the whole process; then an idle call (nothing new).
(cd "$HERE" && mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null)
mkdir -p "$WORK/ImapMaildir/new" "$WORK/ImapMaildir/cur"
ls "$WORK/Maildir/new" | head -n $((IMAP_N / 2)) | while read -r f; do cp "$WORK/Maildir/new/$f" "$WORK/ImapMaildir/new/"; done
ls "$WORK/Maildir/cur" | head -n $((IMAP_N - IMAP_N / 2)) | while read -r f; do cp "$WORK/Maildir/cur/$f" "$WORK/ImapMaildir/cur/"; done
(cd "$HERE" && java -cp "$(cat "$WORK/cp")" bench/ImapBenchServer.java "$WORK/ImapMaildir" "$WORK/imap-port") &
IMAP_PID=$!
trap 'kill "$IMAP_PID" 2>/dev/null || true; cleanup' EXIT INT TERM
while [ ! -s "$WORK/imap-port" ]; do sleep 0.2; done
IMAP="imap://sales:pw@127.0.0.1:$(cat "$WORK/imap-port")/INBOX?starttls=false"
/usr/bin/time -f "%e %U %S %M" -o "$WORK/t3" "$CADENCE" inbox --db "$WORK/s0.db" --imap "$IMAP" \
  --now 2026-12-01T16:00:00Z >"$WORK/out3.txt" || true
awk -v n="$IMAP_N" '{printf "inbox --imap, %d new messages: %.2f s wall (%.0f messages/s), %.2f s CPU, peak RSS %.0f MB\n", n, $1, n/$1, $2+$3, $4/1024}' "$WORK/t3"
tail -n 1 "$WORK/out3.txt"
/usr/bin/time -f "%e %U %S %M" -o "$WORK/t4" "$CADENCE" inbox --db "$WORK/s0.db" --imap "$IMAP" \
  --now 2026-12-01T16:05:00Z >"$WORK/out4.txt" || true
awk '{printf "inbox --imap, nothing new: %.2f s wall, %.2f s CPU, peak RSS %.0f MB\n", $1, $2+$3, $4/1024}' "$WORK/t4"
tail -n 1 "$WORK/out4.txt"
kill "$IMAP_PID" 2>/dev/null || true
