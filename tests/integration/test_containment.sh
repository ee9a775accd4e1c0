#!/usr/bin/env bash
# Containment and small faults: symbolic links leading out of the indexed
# folders are skipped and named (a file and a folder), unless allowed; a
# link inside is indexed once; the page refuses a document whose file now
# leads outside; FIFOs and devices named; file names printed with control
# characters escaped; a read-only database said so; commits on a timer.
source "$(dirname "$0")/lib.sh" "$@"
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
A=$SCRATCH/kho O=$SCRATCH/ngoai
mkdir -p "$A/sub" "$O/ssl"
printf 'Báo cáo trong kho, chữ trongkho.\n' > "$A/sub/trong.txt"
printf 'root:x:0:0 bimatngoai\n' > "$O/passwd.txt"
printf 'khoa bimatthumuc\n' > "$O/ssl/key.txt"
ln -s "$O/passwd.txt" "$A/x.txt"          # a file outside
ln -s "$O/ssl" "$A/ssl"                   # a folder outside
ln -s sub/trong.txt "$A/link-trong.txt"   # a file inside
ln -s sub "$A/sub-link"                   # a folder inside
mkfifo "$A/ong.fifo"
evil=$(printf 'gia\nfake.pdf: indexed OK\033[31m.txt')
: > "$A/$evil"                            # empty: named and skipped
names() { "$BIN/tracuu-search" --json --limit 100 "$@" | $PY -c 'import json,sys; print(" ".join(sorted(r["path"] for r in json.load(sys.stdin)["results"])))'; }

out=$("$BIN/tracuu-index" "$A" 2>&1); rc=$?
expect_eq "exit 0 (skipped files, the empty one too, are named, not failures)" "$rc" 0
expect_contains "link to a file outside named" "$out" "$A/x.txt: symbolic link leads out of the indexed folders (to $O/passwd.txt): skipped"
expect_contains "link to a folder outside named" "$out" "$A/ssl: symbolic link leads out of the indexed folders (to $O/ssl): skipped"
expect_contains "FIFO named" "$out" "$A/ong.fifo: a FIFO (named pipe): skipped"
expect_contains "skipped counted" "$out" "skipped 4 file(s)"
expect_eq "outside file not indexed" "$(names bimatngoai)" ""
expect_eq "outside folder not indexed" "$(names bimatthumuc)" ""
expect_eq "inside file indexed once, under its own name" "$(names trongkho)" "$A/sub/trong.txt"
expect_not_contains "inside links are not problems" "$out" "link-trong"
# the evil name: one line, escapes visible, no terminal escape sent
expect_contains "control characters escaped" "$out" 'gia\nfake.pdf: indexed OK\e[31m.txt: empty file'
expect_eq "no forged line" "$(grep -c '^fake.pdf: indexed OK' <<<"$out")" 0
expect_eq "no escape byte on stderr" "$(grep -c $'\033' <<<"$out")" 0
dry=$("$BIN/tracuu-index" --dry-run "$A" 2>/dev/null)
expect_eq "dry run: names escaped on stdout too" "$(grep -c $'\033' <<<"$dry")" 0
# a device, when the test may make one (root) or find one
if [ -c /dev/null ]; then
  mkdir -p "$SCRATCH/dev"; ln -s /dev/null "$SCRATCH/dev/null-link"
  cp -a /dev/null "$SCRATCH/dev/thiet-bi" 2>/dev/null
  dout=$("$BIN/tracuu-index" --db "$SCRATCH/devdb" "$SCRATCH/dev" 2>&1)
  expect_contains "link to a device outside named" "$dout" "null-link: symbolic link leads out"
  if [ -c "$SCRATCH/dev/thiet-bi" ]; then
    expect_contains "device named" "$dout" "$SCRATCH/dev/thiet-bi: a device file: skipped"
  fi
fi

# allowed outside root: the link is followed (named under the archive);
# in a database of its own (allowed roots are recorded for the page)
out=$(TRACUU_DB=$SCRATCH/allowdb "$BIN/tracuu-index" --allow-outside "$O" "$A" 2>&1)
expect_eq "allowed: outside file indexed" "$(TRACUU_DB=$SCRATCH/allowdb names bimatngoai)" "$A/x.txt"
expect_eq "allowed: outside folder indexed" "$(TRACUU_DB=$SCRATCH/allowdb names bimatthumuc)" "$A/ssl/key.txt"
expect_not_contains "allowed: not named" "$out" "leads out"
expect_eq "--allow-outside wants an absolute folder" "$("$BIN/tracuu-index" --allow-outside rel "$A" >/dev/null 2>&1; echo $?)" 2

# the page: a document whose file now leads outside is refused (404 like
# a missing one); one that is still inside is shown
"$BIN/tracuu-index" --force "$A" >/dev/null 2>&1
id=$("$BIN/tracuu-search" --json trongkho | $PY -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["docid"])')
cgi() { REQUEST_METHOD=GET QUERY_STRING=$1 "$BIN/tracuu.cgi" 2>"$SCRATCH/cgi.err"; }
expect_contains "page: inside doc shown" "$(cgi "doc=$id")" "Status: 200"
mv "$A/sub/trong.txt" "$SCRATCH/trong.bak"
ln -s "$O/passwd.txt" "$A/sub/trong.txt"     # replaced by a link out
page=$(cgi "doc=$id")
expect_contains "page: doc now outside refused" "$page" "Status: 404"
expect_eq "page: refused like a missing doc" "$page" "$(cgi doc=999999)"
expect_contains "page: refusal logged" "$(REQUEST_METHOD=GET QUERY_STRING=doc=$id "$BIN/tracuu.cgi" 2>&1 >/dev/null)" "now lies outside the indexed folders"
# and the indexer, reading it again, skips it
out=$("$BIN/tracuu-index" "$A" 2>&1)
expect_contains "re-index: replaced file named" "$out" "$A/sub/trong.txt: symbolic link leads out"
expect_eq "re-index: its text is gone" "$(names trongkho)" ""
rm "$A/sub/trong.txt"; mv "$SCRATCH/trong.bak" "$A/sub/trong.txt"

# a read-only database: said so
if [ "$(id -u)" != 0 ]; then
  chmod -R a-w "$TRACUU_DB"
  out=$("$BIN/tracuu-index" "$A" 2>&1); rc=$?
  chmod -R u+w "$TRACUU_DB"
  expect_eq "read-only: exit 1" "$rc" 1
  expect_contains "read-only: said" "$out" "the database is read-only"
  expect_not_contains "read-only: not a lock" "$out" "another tracuu-index"
elif command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
  # root ignores permissions: a read-only bind mount instead
  out=$(unshare -m bash -c "mount --bind '$TRACUU_DB' '$TRACUU_DB' && mount -o remount,ro,bind '$TRACUU_DB' && '$BIN/tracuu-index' '$A'" 2>&1); rc=$?
  expect_eq "read-only: exit 1" "$rc" 1
  expect_contains "read-only: said" "$out" "the database is read-only"
  expect_not_contains "read-only: not a lock" "$out" "another tracuu-index"
else
  echo "note: cannot make a read-only database here (root without unshare)"
fi

# commits on a timer: a slow archive killed with -9 keeps what was done
S=$SCRATCH/cham FAKE=$SCRATCH/fakebin
mkdir -p "$S" "$FAKE"
printf '#!/bin/sh\nsleep 1\necho "Bao cao cham chamcham"\n' > "$FAKE/pdftotext"
chmod 755 "$FAKE/pdftotext"
for i in 1 2 3 4 5 6 7 8 9; do printf '%%PDF-1.4\n%% tracuu %s\n%%%%EOF\n' "$i" > "$S/p$i.pdf"; done
slow() {  # slow DB INTERVAL: index S for 4 s, then kill -9; prints the documents kept
  PATH="$FAKE:$PATH" "$BIN/tracuu-index" --db "$1" --jobs 1 --commit-interval "$2" "$S" >/dev/null 2>&1 &
  local pid=$!
  sleep 4; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  "$BIN/tracuu-search" --db "$1" --json chamcham 2>/dev/null | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0
}
kept=$(slow "$SCRATCH/timer1" 1)
[ "$kept" -ge 1 ] && ok || fail "commit-interval 1: kill -9 after 4 s kept $kept documents"
kept=$(slow "$SCRATCH/timer2" 3600)
expect_eq "commit-interval 3600: nothing committed yet" "$kept" 0
expect_eq "--commit-interval checked" "$("$BIN/tracuu-index" --commit-interval 0 "$A" >/dev/null 2>&1; echo $?)" 2
finish
