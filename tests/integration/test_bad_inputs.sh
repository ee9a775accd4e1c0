#!/usr/bin/env bash
# Issue 3, bad inputs: an archive holding an empty file, garbage named .pdf,
# truncated UTF-8, a 5 MB single line, symbolic link loops, an unreadable
# file, a helper that hangs, a Vietnamese file name with spaces, next to
# good files.  Each problem is named exactly once on stderr, the good files
# are indexed and found, the exit code is 1 (the empty file and the garbage
# are only skipped; the timeout and the loops fail), and a re-run says the
# same.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
mkdir -p "$A/sub"
cd "$SCRATCH" || exit 1

: > "$A/rong.txt"
python3 - "$A" <<'PY'
import sys, random
a = sys.argv[1]
random.seed(3)
# Garbage named .pdf (no %PDF header: libmagic calls it data).
open(a + "/x.pdf", "wb").write(b"\x00\x9c" + bytes(random.randrange(256) for _ in range(8190)))
# UTF-8 cut in the middle of "ệ" (E1 BB 87): the last byte is missing.
t = "Văn bản bị cắt\nNội dung chữ catngang về công tác dân vận ở Việt Nam\n".encode()
cut = t.rindex("ệ".encode()) + 2
open(a + "/cut.txt", "wb").write(t[:cut])
# 5 MB on one line, a distinct word at the start, the middle and the end.
words = "nghị quyết chỉ thị báo cáo huyện ủy xã thôn dân vận khéo mô hình".split()
body = []
size = 0
while size < 5 * 1024 * 1024:
    w = random.choice(words)
    body.append(w)
    size += len(w.encode()) + 1
body[0] = "daudongdai"
body[len(body) // 2] = "giuadongdai"
body[-1] = "cuoidongdai"
open(a + "/dai.txt", "w", encoding="utf-8").write(" ".join(body))
# A file name with spaces and Vietnamese letters.
open(a + "/sub/Báo cáo tổng kết năm 2023.txt", "w", encoding="utf-8").write(
    "Báo cáo tổng kết năm 2023\nHuyện ủy tổng kết phong trào thi đua, chữ tongketnam.\n")
open(a + "/tot.txt", "w", encoding="utf-8").write(
    "Văn bản tốt\nMô hình Dân vận khéo ở xã Ea Tân, chữ vanbantot.\n")
open(a + "/trang.html", "w", encoding="utf-8").write(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trang tin</title></head>'
    "<body><h1>Trang tin huyện</h1><p>Hội nghị sơ kết công tác, chữ trangtot.</p></body></html>\n")
PY
# A real PDF with a text layer (read by the hanging fake pdftotext below).
python3 - "$A/that.pdf" <<'PY'
import sys
content = "BT /F1 12 Tf 20 700 Td (Bao cao pdfthat) Tj ET\n"
objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length %d >> stream\n%sendstream" % (len(content), content)]
pdf, off = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    off.append(len(pdf)); pdf += ("%d 0 obj %s endobj\n" % (i + 1, o)).encode()
x = len(pdf)
pdf += ("xref\n0 6\n0000000000 65535 f \n" + "".join("%010d 00000 n \n" % o for o in off)
        + "trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x).encode()
open(sys.argv[1], "wb").write(pdf)
PY
ln -s . "$A/vong"               # a folder that contains itself
ln -s lien-b "$A/lien-a"        # a -> b -> a
ln -s lien-a "$A/lien-b"
FAKE="$SCRATCH/fakebin"
mkdir -p "$FAKE"
printf '#!/bin/sh\nsleep 30\n' > "$FAKE/pdftotext"
chmod 755 "$FAKE/pdftotext"

# The real pdftotext reads that.pdf (so the timeout below is the helper's).
if command -v pdftotext >/dev/null; then
  expect_contains "real pdftotext reads that.pdf" "$(pdftotext "$A/that.pdf" - 2>&1)" "pdfthat"
fi

PROBLEMS="rong.txt x.pdf cut.txt that.pdf vong lien-a lien-b"
GOOD_QUERIES="daudongdai:dai.txt giuadongdai:dai.txt cuoidongdai:dai.txt tongketnam:Báo_cáo_tổng_kết_năm_2023.txt vanbantot:tot.txt trangtot:trang.html catngang:cut.txt"
idx() { PATH="$FAKE:$PATH" "$BIN/tracuu-index" --timeout 2 "$@" 2>&1; }

check_run() {   # check_run LABEL OUTPUT RC SECONDS
  local label=$1 out=$2 rc=$3 secs=$4
  expect_eq "$label: exit" "$rc" 1
  [ "$secs" -le 15 ] && ok || fail "$label: took $secs s (the hanging helper was not stopped)"
  for p in $PROBLEMS; do
    expect_eq "$label: $p named once" "$(grep -cF "$A/$p:" <<<"$out")" 1
  done
  expect_contains "$label: empty file reason" "$out" "rong.txt: empty"
  expect_contains "$label: timeout named" "$out" "$A/that.pdf: pdftotext timed out"
  expect_contains "$label: loop named" "$out" "$A/vong: symbolic link loop"
  expect_contains "$label: a->b->a named" "$out" "$A/lien-a: symbolic link loop"
  for f in tot.txt trang.html dai.txt "Báo cáo tổng kết năm 2023.txt"; do
    expect_eq "$label: good $f not named" "$(grep -cF "$f" <<<"$out")" 0
  done
  expect_eq "$label: summary line" "$(grep -cE '^(tracuu-index: )?indexed [0-9]+, unchanged [0-9]+, removed [0-9]+, failed [0-9]+, in ' <<<"$out")" 1
}

start=$SECONDS
out=$(idx "$A"); rc=$?
check_run "first run" "$out" "$rc" $((SECONDS - start))
# the empty file and the garbage are skipped (named, counted, not failures)
expect_contains "first run counts" "$out" "indexed 5, unchanged 0, removed 0, failed 4"
expect_contains "first run skipped" "$out" "skipped 2 file(s)"
expect_contains "empty file skipped" "$out" "rong.txt: empty file (skipped)"
for qf in $GOOD_QUERIES; do
  q=${qf%%:*}; f=${qf#*:}
  expect_eq "search $q" "$(search_names "$q")" "${f//_/ }"
done
expect_eq "accented search in the long line" "$(search_names 'daudongdai dân vận khéo')" "dai.txt"
expect_eq "Vietnamese file name" "$(search_names 'tổng kết phong trào')" "Báo cáo tổng kết năm 2023.txt"
expect_eq "garbage not indexed" "$(search_names pdfthat)" ""

# A re-run: the same problems, the good files unchanged.
start=$SECONDS
out2=$(idx "$A"); rc=$?
check_run "re-run" "$out2" "$rc" $((SECONDS - start))
expect_contains "re-run: good files unchanged" "$out2" "indexed 0, unchanged 5, removed 0, failed 4"
[ "$FAILS" -eq 0 ] || printf '%s\n--- re-run ---\n%s\n' "$out" "$out2" >&2

# Without the hanging helper, that.pdf is read (the timeout was the only
# problem with it).
if command -v pdftotext >/dev/null; then
  out=$("$BIN/tracuu-index" "$A" 2>&1)
  expect_contains "real pdftotext: pdf indexed" "$out" "indexed 1, unchanged 5, removed 0, failed 3"
  expect_eq "real pdftotext: pdf found" "$(search_names pdfthat)" "that.pdf"
fi

# An unreadable file.  Root reads everything: run that part as nobody.
U="$SCRATCH/unreadable"
mkdir -p "$U"
printf 'Văn bản khóa\nNội dung bí mật, chữ bimat.\n' > "$U/khoa.txt"
printf 'Văn bản mở\nNội dung công khai, chữ congkhai.\n' > "$U/mo.txt"
chmod 000 "$U/khoa.txt"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  T=$(mktemp -d)
  if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    chmod 755 "$T"; cp -a "$U" "$T/u"; chmod 755 "$T/u"; mkdir "$T/db"; chown 65534:65534 "$T/db"
    U="$T/u"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    if ! "${as_user[@]}" test -x "$BIN/tracuu-index"; then
      echo "SKIP unreadable file: $BIN is not reachable by user nobody"; U=""
    fi
  else
    echo "SKIP unreadable file: running as root and setpriv cannot drop to nobody"; U=""
  fi
fi
if [ -n "$U" ]; then
  db="${T:-$SCRATCH}/db"
  out=$("${as_user[@]}" env TRACUU_DB="$db" "$BIN/tracuu-index" "$U" 2>&1); rc=$?
  expect_eq "unreadable: exit" "$rc" 1
  expect_eq "unreadable: named once" "$(grep -cF "$U/khoa.txt:" <<<"$out")" 1
  expect_contains "unreadable: reason" "$out" "$U/khoa.txt: "
  expect_contains "unreadable: counts" "$out" "indexed 1, unchanged 0, removed 0, failed 1"
  got=$("${as_user[@]}" env TRACUU_DB="$db" "$BIN/tracuu-search" --json congkhai |
        python3 -c 'import json,sys,os; print(" ".join(os.path.basename(r["path"]) for r in json.load(sys.stdin)["results"]))')
  expect_eq "unreadable: the other file found" "$got" "mo.txt"
  out=$("${as_user[@]}" env TRACUU_DB="$db" "$BIN/tracuu-index" "$U" 2>&1); rc=$?
  expect_eq "unreadable re-run: exit" "$rc" 1
  expect_eq "unreadable re-run: named once" "$(grep -cF "$U/khoa.txt:" <<<"$out")" 1
  expect_contains "unreadable re-run: counts" "$out" "indexed 0, unchanged 1, removed 0, failed 1"
fi
[ -n "${T:-}" ] && rm -rf "$T"
finish
