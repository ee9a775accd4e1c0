#!/usr/bin/env bash
# The newcomer's first minutes on sample/: every document of every format
# and encoding indexed (exit 0), none of the scraping debris, a second page
# of results; the plain list shows the id that --doc takes; the CGI opens
# the original file (only of indexed documents, with its type; off with
# serve_files = no), jumps to the first match, helps when nothing is
# found, and speaks Vietnamese in its error pages.
source "$(dirname "$0")/lib.sh" "$@"
S="$SCRATCH/sample"
cp -r "$SRC/sample" "$S"
out=$("$BIN/tracuu-index" "$S" 2>&1); expect_eq "sample: exit 0" "$?" 0
expect_contains "sample: all 14" "$out" "indexed 14, unchanged 0, removed 0, failed 0"
formats=$("$BIN/tracuu-index" --dry-run "$S" 2>/dev/null | cut -f2,4 | sort -u | tr '\n' ' ')
for f in "txt	UTF-8" "txt	TCVN3" "txt	VNI" "txt	WINDOWS-1258" "txt	UTF-16LE" "html	UTF-8" "docx" "odt" "rtf"; do
  expect_contains "sample has $f" "$formats" "$f"
done
for junk in leftcenterrightdel .jpg "Lượt xem" "In trang"; do
  expect_eq "no debris: $junk" "$(grep -rlF "$junk" "$SRC/sample" | wc -l)" 0
done
n=$("$BIN/tracuu-search" --json 'dân vận' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
[ "$n" -gt 10 ] && ok || fail "dân vận: $n results, want a second page (> 10)"
# the legacy encodings read as Vietnamese: a word only in a TCVN3 part
expect_contains "TCVN3 part found" "$(search_names 'Kon Tum' )" "(TCVN3).txt"

# the plain list: the id --doc takes
plain=$("$BIN/tracuu-search" --limit 1 'Lâm Hà')
id=$(sed -n 's/.*(--doc \([0-9]*\))$/\1/p' <<<"$plain" | head -1)
[ -n "$id" ] && ok || fail "no --doc id in the plain list: $plain"
path=$("$BIN/tracuu-search" --json --limit 1 'Lâm Hà' | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["path"])')
expect_contains "plain list: path and id" "$plain" "$path"
expect_contains "--doc with the id shown" "$("$BIN/tracuu-search" --doc "$id" Lâm Hà)" "Tệp: $path"

cgi() { REQUEST_METHOD=GET QUERY_STRING="$1" "$BIN/tracuu.cgi"; }
page=$(cgi "doc=$id&q=L%C3%A2m+H%C3%A0")
expect_contains "doc view: link to the original" "$page" "href=\"?doc=$id&amp;file=1\">Mở tệp gốc</a>"
expect_contains "doc view: first match anchored" "$page" '<mark id="khop-dau">'
expect_contains "doc view: link to it" "$page" 'href="#khop-dau"'
expect_contains "results jump to the first match" "$(cgi 'q=L%C3%A2m+H%C3%A0')" "#khop-dau\""
odt=$(cgi "doc=$id&file=1" | head -c 2000 | tr -d '\r')
expect_contains "original: 200" "$odt" "Status: 200 OK"
case "$path" in
  *.odt) expect_contains "original: ODT type" "$odt" "Content-Type: application/vnd.oasis.opendocument.text" ;;
  *) expect_contains "original: a type" "$odt" "Content-Type: " ;;
esac
expect_contains "original: file name" "$odt" "filename*=UTF-8''"
bytes=$(cgi "doc=$id&file=1" | python3 -c 'import sys
d = sys.stdin.buffer.read(); body = d[d.index(b"\r\n\r\n") + 4:]
print("same" if body == open(sys.argv[1], "rb").read() else "differs")' "$path")
expect_eq "original: the file's bytes" "$bytes" "same"
tid=$("$BIN/tracuu-search" --json 'Kon Tum' | python3 -c 'import json,sys
for r in json.load(sys.stdin)["results"]:
    if r["path"].endswith("chinh-tri.txt"): print(r["docid"])')
expect_contains "UTF-8 text shown inline" "$(cgi "doc=$tid&file=1" | head -c 600 | tr -d '\r')" "Content-Type: text/plain; charset=utf-8"
expect_contains "no file parameter alone" "$(cgi 'file=1')" "file=1 cần doc"
expect_contains "unknown doc: 404" "$(cgi 'doc=99999&file=1')" "Status: 404"
printf 'serve_files = no\n' > "$SCRATCH/nofiles.conf"
out=$(TRACUU_CONF="$SCRATCH/nofiles.conf" cgi "doc=$id&file=1")
expect_contains "serve_files = no: 404" "$out" "máy chủ này không cho mở tệp gốc"
expect_not_contains "serve_files = no: no link" "$(TRACUU_CONF="$SCRATCH/nofiles.conf" cgi "doc=$id")" "Mở tệp gốc"
mv "$path" "$path.moved"
expect_contains "original gone: 404" "$(cgi "doc=$id&file=1")" "tệp gốc không còn ở chỗ cũ"
mv "$path.moved" "$path"

# nothing found: suggestions; errors in Vietnamese only
none=$(cgi 'q=%22xyzzy+qwerty%22&year=2020')
expect_contains "no results: help" "$none" 'id="goi-y"'
expect_contains "no results: drop the filters" "$none" 'tìm lại trong toàn bộ kho'
expect_contains "no results: drop the quotes" "$none" 'Bỏ dấu ngoặc kép'
bad=$(cgi 'q=%22dan+van')
expect_contains "query error in Vietnamese" "$bad" 'thiếu dấu ngoặc kép đóng'
expect_not_contains "no English on the page" "$bad" 'unterminated'
expect_contains "page 2 exists" "$(cgi 'q=d%C3%A2n+v%E1%BA%ADn&page=2')" 'trang 2'
finish
