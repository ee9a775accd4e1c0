#!/usr/bin/env bash
# tracuu.cgi behind lighttpd, started by scripts/serve.sh on a free loopback
# port: pages, headers and error statuses over real HTTP, then a clean stop.
# Usage: test_cgi_lighttpd.sh BINDIR SRCDIR SCRATCHDIR
set -uo pipefail
BINDIR=$1 SRCDIR=$2 SCRATCHDIR=$3
mkdir -p "$SCRATCHDIR"
. "$SRCDIR/tests/integration/cgi_common.sh"
command -v lighttpd >/dev/null || [ -x /usr/sbin/lighttpd ] ||
  { echo "SKIP: lighttpd is not installed"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl is not installed"; exit 77; }
DB=$SCRATCHDIR/db
build_index "$DB" || { echo "tracuu-index failed:"; cat "$SCRATCHDIR/index.log"; exit 1; }

port=$(free_port)
TMPDIR=$SCRATCHDIR "$SRCDIR/scripts/serve.sh" --port "$port" --db "$DB" \
  --bin "$BINDIR" >"$SCRATCHDIR/serve.out" 2>"$SCRATCHDIR/serve.err" &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null' EXIT
for _ in $(seq 100); do
  grep -q 'Trang tìm kiếm' "$SCRATCHDIR/serve.out" 2>/dev/null && break
  kill -0 $serve 2>/dev/null || break
  sleep 0.1
done
base=http://127.0.0.1:$port
check "serve.sh announces the page" grep -qx "Trang tìm kiếm: $base/" "$SCRATCHDIR/serve.out"

H=$SCRATCHDIR/h B=$SCRATCHDIR/b
get() {  # get PATH [curl args...]: sets $code
  local path=$1; shift
  code=$(curl -s -o "$B" -D "$H" -w '%{http_code}' "$@" "$base$path")
}
has_header() { grep -qi "^$1" "$H"; }
body_has() { grep -qF -- "$1" "$B"; }

get /
check "/: 200" [ "$code" = 200 ]
check "/: html" has_header 'Content-Type: text/html; charset=utf-8'
check "/: CSP" has_header "Content-Security-Policy: default-src 'none'"
check "/: frame deny" has_header 'X-Frame-Options: DENY'
check "/: every document" body_has 'data-total="15"'
get '/?q=dan+van+kheo'
check "search: 200" [ "$code" = 200 ]
check "search: marks" body_has '<mark>'
check "search: kept" body_has 'value="dan van kheo"'
get '/tracuu.cgi?q=dan+van+kheo&format=json'
check "json: 200" [ "$code" = 200 ]
check "json: type" has_header 'Content-Type: application/json; charset=utf-8'
check "json: parses" python3 -c "import json; d=json.load(open('$B')); assert d['total'] > 0 and 'facets' in d"
get '/?asset=css'
check "css: 200" [ "$code" = 200 ]
check "css: type" has_header 'Content-Type: text/css'
get '/?q=%FF'
# lighttpd itself refuses some malformed URLs: its page is Vietnamese too
check "bad utf-8: 400" [ "$code" = 400 ]
check "bad utf-8: page" body_has 'Yêu cầu không hợp lệ'
# lighttpd normalises a stray '%' to %25, so the CGI sees the text "%zz"
get '/?q=%zz'
check "bad percent: kept literally" body_has 'name="q" value="%zz"'
get '/?q=a%E1%BA'
check "truncated utf-8: 400" [ "$code" = 400 ]
check "truncated utf-8: page" body_has 'Yêu cầu không hợp lệ'
get '/?q=dan&evil=%3Cscript%3E'
check "unknown param: 400" [ "$code" = 400 ]
check "unknown param: escaped" body_has 'tham số lạ &quot;evil&quot;'
get '/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E'
check "xss: escaped" body_has 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
check "xss: inert" bash -c "! grep -qi '<script' '$B'"
get '/?doc=999999'
check "missing doc: 404" [ "$code" = 404 ]
get '/?q=dan' -X POST -d x=1
check "post: 405" [ "$code" = 405 ]
get '/?q=dan' -I
check "head: 200" [ "$code" = 200 ]
get '/lighttpd.conf'
check "nothing else served" [ "$code" = 404 ]
check "404 page in Vietnamese" body_has 'Không tìm thấy trang'
get '/../../etc/passwd' --path-as-is
check "no path escape" [ "$code" = 400 -o "$code" = 404 ]

# a clean stop: lighttpd gone, generated config removed
lpid=$(pgrep -P $serve lighttpd || true)
kill $serve
wait $serve 2>/dev/null
trap - EXIT
check "stopped: port closed" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null"
check "stopped: lighttpd gone" bash -c "[ -z '$lpid' ] || ! kill -0 $lpid 2>/dev/null"
check "stopped: config removed" bash -c "! ls -d '$SCRATCHDIR'/tracuu-serve.* 2>/dev/null"
finish
