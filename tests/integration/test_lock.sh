#!/usr/bin/env bash
# Two indexing runs never overlap on one database: the second waits (and
# says for whom) or, with --no-wait, stops with status 4; a run killed
# with -9 leaves no stale lock.  Exit codes for cron: files skipped as
# unsupported, empty or needing --ocr are reported, status 0; a file that
# cannot be read or indexed is status 1.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
mkdir -p "$A"
printf 'Báo cáo một\nNội dung, chữ motmot.\n' > "$A/mot.txt"
# a PDF whose (fake) pdftotext takes 3 s: the first run holds the lock
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' > "$A/cham.pdf"
FAKE="$SCRATCH/fakebin"; mkdir -p "$FAKE"
printf '#!/bin/sh\nsleep 3\necho "Văn bản chậm, chữ chamcham"\n' > "$FAKE/pdftotext"
chmod 755 "$FAKE/pdftotext"
slow() { PATH="$FAKE:$PATH" "$BIN/tracuu-index" --timeout 20 "$@"; }
LOCK="$TRACUU_DB/tracuu-index.lock"

PATH="$FAKE:$PATH" "$BIN/tracuu-index" --timeout 20 "$A" 2>"$SCRATCH/first.log" & first=$!
for _ in $(seq 100); do [ -s "$LOCK" ] && break; sleep 0.05; done
expect_eq "lock file holds the pid" "$(tr -d '\n' < "$LOCK" 2>/dev/null)" "$first"
out=$("$BIN/tracuu-index" --no-wait "$A" 2>&1); expect_eq "--no-wait: exit 4" "$?" 4
expect_contains "--no-wait: says who" "$out" "is in use by tracuu-index (pid $first)"
out=$("$BIN/tracuu-index" --dry-run "$A/mot.txt" 2>&1); expect_eq "--dry-run takes no lock" "$?" 0
out=$(slow "$A" 2>&1); rc=$?
expect_eq "second run waited, then ran: exit" "$rc" 0
expect_contains "second run says it waits" "$out" "waiting for tracuu-index (pid $first) to finish with"
wait $first; expect_eq "first run: exit" "$?" 0
expect_contains "first run indexed both" "$(cat "$SCRATCH/first.log")" "indexed 2, unchanged 0"
expect_contains "second run: nothing left to do" "$out" "indexed 0, unchanged 2"
expect_eq "lock released: pid cleared" "$(cat "$LOCK")" ""

# kill -9 in the middle: the kernel drops the lock
printf 'Văn bản mới\nchữ moimoi\n' > "$A/moi.txt"; touch "$A/cham.pdf"
printf '%%PDF-1.4\n%% changed\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' > "$A/cham.pdf"
PATH="$FAKE:$PATH" "$BIN/tracuu-index" --timeout 20 "$A" 2>/dev/null & victim=$!
for _ in $(seq 100); do [ "$(tr -d '\n' < "$LOCK")" = "$victim" ] && break; sleep 0.05; done
kill -9 $victim; wait $victim 2>/dev/null
out=$(slow --no-wait "$A" 2>&1); expect_eq "after kill -9: not locked" "$?" 0
expect_contains "after kill -9: runs" "$out" "indexed"

# exit codes: skipped files are not failures
S="$SCRATCH/skips"; mkdir -p "$S"
printf 'Văn bản tốt\nchữ tottot.\n' > "$S/tot.txt"
: > "$S/rong.txt"
head -c 4096 /dev/urandom > "$S/rac.bin"
python3 -c 'import zlib,struct,sys
def chunk(t,d): return struct.pack(">I",len(d))+t+d+struct.pack(">I",zlib.crc32(t+d))
png=b"\x89PNG\r\n\x1a\n"+chunk(b"IHDR",struct.pack(">IIBBBBB",1,1,8,0,0,0,0))+chunk(b"IDAT",zlib.compress(b"\x00\x00"))+chunk(b"IEND",b"")
open(sys.argv[1],"wb").write(png)' "$S/anh.png"
out=$("$BIN/tracuu-index" --db "$SCRATCH/db2" "$S" 2>&1); rc=$?
expect_eq "only skips: exit 0" "$rc" 0
expect_contains "skips counted" "$out" "skipped 3 file(s)"
expect_contains "image needs --ocr" "$out" "anh.png: image (image/png): use --ocr (skipped)"
expect_contains "empty named" "$out" "rong.txt: empty file (skipped)"
expect_contains "good file indexed" "$out" "indexed 1, unchanged 0, removed 0, failed 0"
out=$("$BIN/tracuu-index" --quiet --db "$SCRATCH/db2" "$S" 2>&1); rc=$?
expect_eq "--quiet with skips: exit 0" "$rc" 0
expect_eq "--quiet with skips: silent (cron mails nothing)" "$out" ""
# a helper that fails: the file could not be indexed, exit 1
printf '#!/bin/sh\necho broken >&2\nexit 3\n' > "$FAKE/pdftotext"
cp "$A/cham.pdf" "$S/hong.pdf"
out=$(PATH="$FAKE:$PATH" "$BIN/tracuu-index" --db "$SCRATCH/db2" "$S" 2>&1); rc=$?
expect_eq "failed file: exit 1" "$rc" 1
expect_contains "failed file named" "$out" "$S/hong.pdf:"
finish
