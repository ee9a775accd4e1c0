#!/usr/bin/env bash
# tracuu.cgi run directly as a CGI program (CGI/1.1 environment variables)
# over an index of SRCDIR/corpus: status lines, headers, results, facets,
# pagination, document view, JSON, 400/404/405/503 pages, XSS attempts.
# Usage: test_cgi.sh BINDIR SRCDIR SCRATCHDIR
set -uo pipefail
BINDIR=$1 SRCDIR=$2 SCRATCHDIR=$3
mkdir -p "$SCRATCHDIR"
. "$SRCDIR/tests/integration/cgi_common.sh"
CGI=$BINDIR/tracuu.cgi
DB=$SCRATCHDIR/db
build_index "$DB" || { echo "tracuu-index failed:"; cat "$SCRATCHDIR/index.log"; exit 1; }

OUT=$SCRATCHDIR/out
# run QUERY_STRING [METHOD] [extra env...]: sets $rc, $status, $H (headers
# file), $B (body file), $E (stderr file).
run() {
  local qs=$1 method=${2:-GET}
  shift 2 2>/dev/null || shift $#
  env -i PATH=/usr/bin:/bin TRACUU_DB="$DB" GATEWAY_INTERFACE=CGI/1.1 \
      SERVER_PROTOCOL=HTTP/1.1 REQUEST_METHOD="$method" QUERY_STRING="$qs" \
      SCRIPT_NAME=/tracuu.cgi SERVER_NAME=127.0.0.1 SERVER_PORT=8080 \
      REMOTE_ADDR=127.0.0.1 ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
      UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" "$@" \
      "$CGI" >"$OUT.raw" 2>"$OUT.err"
  rc=$?
  H=$OUT.h B=$OUT.b E=$OUT.err
  sed -n '1,/^\r$/p' "$OUT.raw" >"$H"
  sed '1,/^\r$/d' "$OUT.raw" >"$B"
  status=$(sed -n 's/^Status: \([0-9]*\).*/\1/p' "$H")
}
has_header() { grep -qi "^$1" "$H"; }
body_has() { grep -qF -- "$1" "$B"; }
body_lacks() { ! grep -qiF -- "$1" "$B"; }
total() { sed -n 's/.*data-total="\([0-9]*\)".*/\1/p' "$B" | head -1; }
json() { python3 -c "import json,sys; d=json.load(open('$B')); print($1)"; }

# --- the start page: every document
run ""
check "start: exit 0" [ "$rc" = 0 ]
check "start: 200" [ "$status" = 200 ]
check "start: html type" has_header 'Content-Type: text/html; charset=utf-8'
check "start: CSP" has_header "Content-Security-Policy: default-src 'none'; style-src 'self';"
check "start: nosniff" has_header 'X-Content-Type-Options: nosniff'
check "start: doctype" body_has '<!DOCTYPE html>'
check "start: lang vi" body_has '<html lang="vi">'
check "start: all 15" [ "$(total)" = 15 ]
check "start: count text" body_has 'Có 15 văn bản.'
check "start: no inline script" body_lacks '<script'
check "start: no inline style" body_lacks 'style='
check "start: content-length" [ "$(sed -n 's/^Content-Length: \([0-9]*\).*/\1/p' "$H")" = "$(stat -c %s "$B")" ]

# --- a search without marks
run "q=dan+van+kheo"
check "search: 200" [ "$status" = 200 ]
n_plain=$(total)
check "search: found some" [ "${n_plain:-0}" -gt 0 ]
check "search: query kept in the box" body_has 'name="q" value="dan van kheo"'
check "search: highlights" body_has '<mark>'
check "search: results list" body_has '<ol class="hits">'
check "search: path shown" body_has "$SCRATCHDIR/docs/"
check "search: count text" body_has "Tìm thấy $n_plain văn bản phù hợp với “dan van kheo”"
check "search: facets" body_has 'data-facet="'
check "search: suggestion link" body_has 'Ý bạn là: <a href="?q=d%C3%A2n+v%E1%BA%ADn+kh%C3%A9o"><em>dân vận khéo</em></a>'
check "search: year facet link" grep -q '<li><a href="?q=dan+van+kheo&amp;year=20[0-9][0-9]">20[0-9][0-9]</a> <span class="n">([0-9]*)</span></li>' "$B"
check "search: sort link" body_has '<a href="?q=dan+van+kheo&amp;sort=date">Mới nhất</a>'
cp "$B" "$SCRATCHDIR/search.html"
# the same words with marks find the same documents, marked as well
run "q=D%C3%A2n+v%E1%BA%ADn+kh%C3%A9o"
check "accents: same total" [ "$(total)" = "$n_plain" ]
check "accents: box keeps marks" body_has 'value="Dân vận khéo"'
check "accents: highlights" body_has '<mark>'

# --- JSON
run "q=dan+van+kheo&format=json"
check "json: 200" [ "$status" = 200 ]
check "json: type" has_header 'Content-Type: application/json; charset=utf-8'
check "json: total as html" [ "$(json 'd["total"]')" = "$n_plain" ]
check "json: query" [ "$(json 'd["query"]')" = "dan van kheo" ]
check "json: results" [ "$(json 'len(d["results"])')" = "$(( n_plain < 10 ? n_plain : 10 ))" ]
check "json: facets" [ "$(json '",".join(sorted(d["facets"].keys()))')" = "cited_issuer,cited_type,issuer,model,type,year" ]
check "json: rank 1" [ "$(json 'd["results"][0]["rank"]')" = 1 ]
docid=$(json 'd["results"][0]["docid"]')

# --- pagination: "dan van" is in every document
run "q=dan+van"
check "pages: 15 results" [ "$(total)" = 15 ]
check "pages: nav" body_has '<nav class="pages"'
next=$(grep -o 'rel="next" href="[^"]*"' "$B" | sed 's/.*href="//; s/"$//' | html_unescape)
check "pages: next link" [ "$next" = "?q=dan+van&page=2" ]
run "${next#\?}"
check "page 2: 200" [ "$status" = 200 ]
check "page 2: ranks from 11" body_has '<li value="11"'
check "page 2: 5 hits" [ "$(grep -c '^<li value=' "$B")" = 5 ]
check "page 2: current" body_has '<strong aria-current="page">2</strong>'
run "q=dan+van&page=7"
check "page past the end: 200" [ "$status" = 200 ]
check "page past the end: message" body_has 'Trang này không có kết quả.'

# --- sorting
run "q=dan+van&sort=date"
check "sort: 200" [ "$status" = 200 ]
check "sort: date marked" body_has '<strong>Mới nhất</strong>'
check "sort: hidden field keeps it" body_has '<input type="hidden" name="sort" value="date">'
run "q=dan+van&sort=date&format=json"
check "sort: newest first" python3 -c "
import json; d=json.load(open('$B')); ds=[r['date'] or '' for r in d['results']]
ds=[x for x in ds if x]; assert ds==sorted(ds, reverse=True), ds"

# --- facets: follow the first link of the first facet, then remove it
run "q=dan+van"
flink=$(grep -A3 'data-facet=' "$B" | grep -o '<li><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//' | html_unescape)
check "facet: link found" [ -n "$flink" ]
run "${flink#\?}"
check "facet: 200" [ "$status" = 200 ]
check "facet: active filter shown" body_has '<p class="active">Đang lọc: '
check "facet: fewer or equal" [ "$(total)" -le 15 ]
check "facet: at least one" [ "$(total)" -ge 1 ]
rlink=$(grep -o '<p class="active">Đang lọc: <a href="[^"]*"' "$B" | sed 's/.*href="//; s/"$//' | html_unescape)
check "facet: remove link is the plain search" [ "$rlink" = "?q=dan+van" ]

# --- one document
run "doc=$docid&q=dan+van+kheo"
check "doc: 200" [ "$status" = 200 ]
check "doc: text" body_has '<div class="doctext">'
check "doc: highlights" body_has '<mark>'
check "doc: back link" body_has '<a href="?q=dan+van+kheo">← Quay lại kết quả tìm kiếm</a>'
check "doc: path" body_has "$SCRATCHDIR/docs/"
run "doc=$docid&format=json"
check "doc json: type" has_header 'Content-Type: application/json; charset=utf-8'
check "doc json: docid" [ "$(json 'd["docid"]')" = "$docid" ]
run "doc=999999"
check "doc missing: 404" [ "$status" = 404 ]
check "doc missing: vi text" body_has 'Không tìm thấy văn bản'

# --- the style sheet
run "asset=css"
check "css: 200" [ "$status" = 200 ]
check "css: type" has_header 'Content-Type: text/css; charset=utf-8'
check "css: cached" has_header 'Cache-Control: public, max-age=86400'
check "css: content" body_has 'mark{'

# --- HEAD and other methods
run "q=dan" HEAD
check "head: 200" [ "$status" = 200 ]
check "head: no body" [ ! -s "$B" ]
run "q=dan" POST
check "post: 405" [ "$status" = 405 ]
check "post: allow" has_header 'Allow: GET, HEAD'

# --- 400: never a crash, always a page in Vietnamese with the detail
long_q=$(head -c 2049 /dev/zero | tr '\0' a)
long_qs=$(head -c 8193 /dev/zero | tr '\0' a)
bad400=(
  "q=%zz|dấu % không có hai chữ số hex"  "q=%|dấu % không có hai chữ số hex"
  "q=%FF|chữ không phải UTF-8 hợp lệ"         "q=%C0%AF|chữ không phải UTF-8 hợp lệ"
  "q=%ED%A0%80|chữ không phải UTF-8 hợp lệ"   "q=a%00b|có ký tự điều khiển"
  "foo=1|tham số lạ &quot;foo&quot;"
  "q=a&q=b|tham số &quot;q&quot; có hai lần"
  "page=0|trang (page) phải là"  "page=1001|trang (page) phải là"  "page=abc|trang (page) phải là"
  "page=-5|trang (page) phải là" "sort=name|sort chỉ nhận" "format=xml|format chỉ nhận"
  "year=20x3|năm (year) phải là" "doc=-1|doc phải là" "doc=0|doc phải là"
  "asset=..%2F..%2Fetc%2Fpasswd|asset chỉ nhận css"
  "q=$long_q|từ khóa (q) dài quá 2048 byte"
  "$long_qs|địa chỉ trang dài quá 8192 byte"
)
for case in "${bad400[@]}"; do
  qs=${case%%|*} want=${case#*|}
  run "$qs"
  check "400 exit 0: ${qs:0:40}" [ "$rc" = 0 ]
  check "400 status: ${qs:0:40}" [ "$status" = 400 ]
  check "400 vi text: ${qs:0:40}" body_has 'Yêu cầu không hợp lệ'
  check "400 detail: ${qs:0:40}" body_has "$want"
  check "400 html: ${qs:0:40}" has_header 'Content-Type: text/html; charset=utf-8'
done

# --- XSS attempts in every parameter come out inert
xss_raw='<script>alert(1)</script>"onmouseover="alert(1)'"'"' javascript:alert(1)'
xss=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$xss_raw")
for name in q type issuer model page sort year doc format asset; do
  run "$name=$xss"
  check "xss $name: no crash" [ "$rc" = 0 ]
  check "xss $name: 200 or 400" [ "$status" = 200 -o "$status" = 400 ]
  check "xss $name: no script tag" body_lacks '<script'
  check "xss $name: no raw quote attr" body_lacks '"onmouseover='
  check "xss $name: no javascript href" body_lacks 'href="javascript'
  check "xss $name: no unescaped apostrophe" body_lacks "' javascript"
done
run "q=$xss"
check "xss q: echoed escaped in the box" body_has 'value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=&quot;alert(1)&#39; javascript:alert(1)"'
run "type=%22%3E%3Cscript%3Ex%27"
check "xss type: 200" [ "$status" = 200 ]
check "xss type: escaped in hidden field" body_has '<input type="hidden" name="type" value="&quot;&gt;&lt;script&gt;x&#39;">'
check "xss type: escaped in the filter link" body_has 'Loại văn bản: &quot;&gt;&lt;script&gt;x&#39; ✕</a>'
run "$xss=1"
check "xss name: 400" [ "$status" = 400 ]
check "xss name: escaped detail" body_has 'tham số lạ &quot;&lt;script&gt;alert(1)'
run "q=%3C%2Ftitle%3E%3Cscript%3Ex%3C%2Fscript%3E&format=json"
check "xss json: escaped as JSON" python3 -c "
import json; d=json.load(open('$B')); assert d['query']=='</title><script>x</script>'"

# --- database errors: a 503 page without the path; details on stderr
run "q=dan" GET TRACUU_DB=/nonexistent/secret-path
check "no db: 503" [ "$status" = 503 ]
check "no db: vi text" body_has 'Không mở được cơ sở dữ liệu'
check "no db: path hidden" body_lacks 'secret-path'
check "no db: logged" grep -q 'secret-path' "$E"
# the database from a configuration file instead of TRACUU_DB
printf '# tracuu\ndb = %s\n' "$DB" >"$SCRATCHDIR/tracuu.conf"
env -i PATH=/usr/bin:/bin REQUEST_METHOD=GET QUERY_STRING="q=dan" \
    TRACUU_CONF="$SCRATCHDIR/tracuu.conf" "$CGI" >"$OUT.conf" 2>/dev/null
check "conf: 200" grep -q '^Status: 200' "$OUT.conf"
# not run by a web server
env -i PATH=/usr/bin:/bin TRACUU_DB="$DB" "$CGI" >/dev/null 2>&1
check "no REQUEST_METHOD: exit 2" [ $? = 2 ]

# --- issue 9: the corrected search, as typed, more like this
run "q=cong+tac+dan+vna"
check "corrected: 200" [ "$status" = 200 ]
check "corrected: says so" body_has "Đang hiện kết quả cho <em>cong tac dan van</em>; tìm đúng như đã gõ:"
check "corrected: link to the query as typed" body_has "?q=cong+tac+dan+vna&amp;dunggo=1"
check "corrected: found" [ "$(total)" -gt 0 ]
run "q=cong+tac+dan+vna&dunggo=1"
check "as typed: no correction" body_lacks "Đang hiện kết quả cho"
run "q=cong+tac+dan+vna&format=json"
check "corrected: JSON field" [ "$(json 'd["corrected"]')" = "cong tac dan van" ]
run "q=dan+van"
check "like: link under each result" body_has 'class="like" href="?like='
like=$(sed -n 's/.*class="like" href="?like=\([0-9]*\)".*/\1/p' "$B" | head -1)
run "like=$like"
check "like: 200" [ "$status" = 200 ]
check "like: says what" body_has "Văn bản tương tự văn bản $like."
check "like: results" [ "$(total)" -gt 0 ]
check "like: not itself" body_lacks "data-docid=\"$like\""
run "like=999999"
check "like: unknown document is 404" [ "$status" = 404 ]

finish
