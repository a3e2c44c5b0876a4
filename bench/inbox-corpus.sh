#!/bin/sh
# Accuracy of `cadence inbox` on a corpus of returned mail: runs `inbox --dry-run --format json` on
# DIR/messages (or on DIR when it holds the .eml files itself) and scores it against DIR/expect.json
# (bounce detection, failed addresses found, hard/not-hard agreement, auto-replies, complaints,
# false bounces), then lists every misjudged file with our verdict and the expected one.
# Usage: bench/inbox-corpus.sh DIR
set -eu
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
DIR=${1:?usage: bench/inbox-corpus.sh DIR (a folder with messages/ or .eml files, and expect.json)}
if [ -d "$DIR/messages" ]; then MESSAGES=$DIR/messages; else MESSAGES=$DIR; fi
[ -f "$DIR/expect.json" ] || { echo "error: no expect.json in $DIR" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$HERE/bin/cadence" --version >/dev/null # builds the jar on first use
status=0
/usr/bin/env time -f "%e %M" -o "$WORK/time" "$HERE/bin/cadence" inbox --dry-run --format json "$MESSAGES" \
  >"$WORK/ours.json" 2>"$WORK/err" || status=$?
if [ "$status" -ne 0 ] && [ ! -s "$WORK/ours.json" ]; then
  cat "$WORK/err" >&2
  exit 3
fi
read -r wall rss <<EOF2
$(tail -n 1 "$WORK/time")
EOF2
echo "inbox --dry-run on $(ls "$MESSAGES" | wc -l | tr -d ' ') files: ${wall:-?} s wall, peak RSS $(( ${rss:-0} / 1024 )) MB, exit $status"
java "$HERE/bench/InboxCorpusScore.java" "$DIR/expect.json" "$WORK/ours.json"
