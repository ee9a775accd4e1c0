#!/usr/bin/env bash
# Beyond one machine: shards served by Xapian's own xapian-tcpsrv and
# searched through a stub database file (docs/design.md section 4), with facets,
# listings, synonyms and the search page working across them.
source "$(dirname "$0")/lib.sh" "$@"
if ! command -v xapian-tcpsrv >/dev/null; then
  echo "SKIP: xapian-tcpsrv (Debian package xapian-tools) is not installed"
  exit 77
fi
mkdir -p "$SCRATCH/a" "$SCRATCH/b"
cp "$SRC"/corpus/00[0-2]_*.txt "$SCRATCH/a/"
cp "$SRC"/corpus/00[34]_*.txt "$SCRATCH/b/"
"$BIN/tracuu-index" --db "$SCRATCH/shard-a" "$SCRATCH/a" >/dev/null 2>&1; expect_eq "index shard a" "$?" 0
"$BIN/tracuu-index" --db "$SCRATCH/shard-b" "$SCRATCH/b" >/dev/null 2>&1; expect_eq "index shard b" "$?" 0
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# its own session: on TERM xapian-tcpsrv signals its whole process group
setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$SCRATCH/shard-b" \
  2>"$SCRATCH/tcpsrv.log" &
srv=$!
trap 'kill $srv 2>/dev/null' EXIT
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
printf 'auto %s\nremote 127.0.0.1:%s\n' "$SCRATCH/shard-a" "$port" > "$SCRATCH/stub"
export TRACUU_DB="$SCRATCH/stub"
short() { search_names "$@" | sed 's/_[0-9a-f]*\.txt//g' | tr ' ' '\n' | sort | tr '\n' ' '; }
expect_eq "results from both shards" "$(short dan van kheo)" "000 001 002 003 004 "
expect_eq "fields across shards" "$(short so:25-NQ/TW)" "000 002 004 "
expect_eq "synonyms across shards" "$(short DTTS | wc -w)" "$(short '"dan toc thieu so" OR DTTS' | wc -w)"
facets=$("$BIN/tracuu-search" --json --facets dan van | python3 -c '
import json, sys
f = json.load(sys.stdin)["facets"]
print([x for x in f["year"]])')
expect_eq "facets counted on the remote shard too" "$facets" \
  "[{'value': '2023', 'count': 2}, {'value': '2024', 'count': 1}]"
expect_contains "refs across shards" "$("$BIN/tracuu-search" --refs)" "25-NQ/TW  loại NQ, cơ quan TW, năm 2013: 3 văn bản"
page=$(REQUEST_METHOD=GET QUERY_STRING='q=dan+van+kheo' "$BIN/tracuu.cgi" 2>&1)
expect_contains "search page over shards" "$page" "Status: 200"
# One shard stopped (SIGSTOP: it accepts the connection but never answers):
# the other shard's results within the timeout, and the missing one named
# (stderr, JSON "warnings", a notice on the page).
export TRACUU_SHARD_TIMEOUT=1
kill -STOP $srv
start=$SECONDS
out=$("$BIN/tracuu-search" --json --limit 100 dan van kheo 2>"$SCRATCH/err"); rc=$?
expect_eq "shard silent: exit 0" "$rc" 0
[ $((SECONDS - start)) -le 10 ] && ok || fail "shard silent: took $((SECONDS - start)) s with a 1 s timeout"
expect_eq "shard silent: the other shard's results" "$(python3 -c 'import json,sys,os; print(" ".join(sorted(os.path.basename(r["path"])[:3] for r in json.load(sys.stdin)["results"])))' <<<"$out")" "000 001 002"
expect_contains "shard silent: JSON warning" "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["warnings"])' <<<"$out")" "shard 127.0.0.1:$port did not answer"
expect_contains "shard silent: stderr warning" "$(cat "$SCRATCH/err")" "tracuu-search: warning: shard 127.0.0.1:$port did not answer"
expect_contains "shard silent: refs from the other" "$("$BIN/tracuu-search" --refs 2>/dev/null)" "25-NQ/TW  loại NQ, cơ quan TW, năm 2013: 2 văn bản"
page=$(REQUEST_METHOD=GET QUERY_STRING='q=dan+van+kheo' "$BIN/tracuu.cgi" 2>"$SCRATCH/cgi.err")
expect_contains "shard silent: page 200" "$page" "Status: 200"
expect_contains "shard silent: notice on the page" "$page" "Kết quả chưa đầy đủ: phần kho 127.0.0.1:$port không trả lời"
expect_contains "shard silent: page logs it" "$(cat "$SCRATCH/cgi.err")" "did not answer"
jsonpage=$(REQUEST_METHOD=GET QUERY_STRING='q=dan+van+kheo&format=json' "$BIN/tracuu.cgi" 2>/dev/null | sed '1,/^\r\{0,1\}$/d')
expect_contains "shard silent: page JSON warnings" "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["warnings"])' <<<"$jsonpage")" "did not answer"
kill -CONT $srv
expect_eq "shard back: no warning" "$("$BIN/tracuu-search" --json dan van kheo 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["warnings"])')" "[]"
# the shard killed: the same, at once
kill $srv; wait $srv 2>/dev/null
out=$("$BIN/tracuu-search" dan van 2>&1); rc=$?
expect_eq "shard down: exit 0" "$rc" 0
expect_contains "shard down: warning" "$out" "warning: shard 127.0.0.1:$port did not answer"
expect_contains "shard down: results" "$out" "kết quả"
# every shard down: an error
printf 'remote 127.0.0.1:%s\n' "$port" > "$SCRATCH/stub-dead"
out=$("$BIN/tracuu-search" --db "$SCRATCH/stub-dead" dan van 2>&1); rc=$?
expect_eq "all shards down: error exit" "$rc" 1
expect_contains "all shards down: message" "$out" "no shard answered"
finish
