#!/usr/bin/env bash
# tracuu.cgi as a persistent FastCGI process behind lighttpd: the same bytes
# as the plain CGI for the same requests, many requests answered by the one
# process, a new revision of the database seen without a restart; and a
# huge text: a hit reads only its head, the document view shows the first
# 4 MiB and says so.
# Usage: test_fastcgi.sh BINDIR SRCDIR SCRATCHDIR
set -uo pipefail
BINDIR=$1 SRCDIR=$2 SCRATCHDIR=$3
rm -rf "$SCRATCHDIR"
mkdir -p "$SCRATCHDIR"
. "$SRCDIR/tests/integration/cgi_common.sh"
lighttpd=$(command -v lighttpd || echo /usr/sbin/lighttpd)
[ -x "$lighttpd" ] || { echo "SKIP: lighttpd is not installed"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl is not installed"; exit 77; }
DB=$SCRATCHDIR/db
build_index "$DB" || { echo "tracuu-index failed:"; cat "$SCRATCHDIR/index.log"; exit 1; }

# a 4.2 MB text whose rare word sits at the very end
big=$SCRATCHDIR/big
mkdir -p "$big"
python3 - "$SRCDIR/corpus" "$big/lon.txt" <<'EOF'
import os, sys
src = sorted(os.listdir(sys.argv[1]))
text = open(os.path.join(sys.argv[1], src[0]), encoding="utf-8").read()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    while f.tell() < 4 * 1024 * 1024 + 200000:
        f.write(text + "\n")
    f.write("Cuối cùng: chữ hiếmhoi ở đây.\n")
EOF

port=$(free_port)
www=$SCRATCHDIR/www
mkdir -p "$www"
cgi=$(realpath "$BINDIR/tracuu.cgi")
ln -sf "$cgi" "$www/tracuu.cgi"
cat >"$SCRATCHDIR/lighttpd.conf" <<EOF
server.modules = ("mod_setenv", "mod_cgi", "mod_fastcgi")
server.bind = "127.0.0.1"
server.port = $port
server.document-root = "$www"
server.follow-symlink = "enable"
server.errorlog = "$SCRATCHDIR/error.log"
cgi.assign = (".cgi" => "")
setenv.add-environment = ("TRACUU_DB" => "$DB")
fastcgi.server = ("/tracuu.fcgi" => (("socket" => "$SCRATCHDIR/fcgi.sock",
  "bin-path" => "$cgi", "max-procs" => 1, "check-local" => "disable",
  "bin-environment" => ("TRACUU_DB" => "$DB"))))
EOF
"$lighttpd" -D -f "$SCRATCHDIR/lighttpd.conf" 2>"$SCRATCHDIR/lighttpd.err" &
srv=$!
trap 'kill $srv 2>/dev/null; wait $srv 2>/dev/null' EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
base=http://127.0.0.1:$port

same() {  # same QUERY: the FastCGI and CGI answers are byte for byte equal
  curl -s -D "$SCRATCHDIR/h1" -o "$SCRATCHDIR/b1" "$base/tracuu.cgi?$1"
  curl -s -D "$SCRATCHDIR/h2" -o "$SCRATCHDIR/b2" "$base/tracuu.fcgi?$1"
  grep -q '^HTTP/1.1 200' "$SCRATCHDIR/h2" && cmp -s "$SCRATCHDIR/b1" "$SCRATCHDIR/b2"
}
for q in 'q=dan+van+kheo' 'q=dan+van+kheo&format=json' 'q=nghi+quyet&page=2' \
         'q=&sort=date' 'doc=3&q=dan+van' 'asset=css'; do
  check "FastCGI = CGI: $q" same "$q"
done
code=$(curl -s -o "$SCRATCHDIR/b2" -w '%{http_code}' "$base/tracuu.fcgi?q=%22unclosed")
check "FastCGI: a bad query is a 400" [ "$code" = 400 ]
code=$(curl -s -o "$SCRATCHDIR/b2" -w '%{http_code}' "$base/tracuu.fcgi?nope=1")
check "FastCGI: an unknown parameter is a 400" [ "$code" = 400 ]
code=$(curl -s -o /dev/null -w '%{http_code}' --data 'q=a' "$base/tracuu.fcgi")
code_cgi=$(curl -s -o /dev/null -w '%{http_code}' --data 'q=a' "$base/tracuu.cgi")
check "FastCGI: POST refused as by the CGI ($code, $code_cgi)" test "$code" = "$code_cgi" -a "$code" -ge 400
# one process answered all of these (max-procs 1, persistent)
n_before=$(pgrep -c -P "$srv" -f tracuu.cgi || true)
for i in $(seq 30); do curl -s -o /dev/null "$base/tracuu.fcgi?q=huyen+uy"; done
n_after=$(pgrep -c -P "$srv" -f tracuu.cgi || true)
check "FastCGI: one persistent process ($n_before, $n_after)" [ "$n_after" = 1 ]

# a new revision is seen by the running process
count() {
  curl -s -o "$SCRATCHDIR/c.json" -w '%{http_code}' "$base/tracuu.fcgi?q=hiemhoi&format=json" \
    >"$SCRATCHDIR/c.code"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$SCRATCHDIR/c.json" ||
    { echo "HTTP $(cat "$SCRATCHDIR/c.code"): $(head -c 300 "$SCRATCHDIR/c.json")" >&2;
      tail -5 "$SCRATCHDIR/error.log" >&2; }
}
check "before: no hiemhoi" [ "$(count)" = 0 ]
"$BINDIR/tracuu-index" --db "$DB" --quiet "$SCRATCHDIR/docs" "$big" \
  >"$SCRATCHDIR/index2.log" 2>&1 || bad "re-index with the big file"
check "after re-indexing: found without a restart" [ "$(count)" = 1 ]

# the huge text: the document view is capped and says so; the hit's
# snippet comes from the text's head
id=$(curl -s "$base/tracuu.fcgi?q=hiemhoi&format=json" |
     python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["docid"])')
curl -s "$base/tracuu.fcgi?doc=$id&format=json" >"$SCRATCHDIR/doc.json"
check "doc json: cut at 4 MiB, whole length given" python3 - "$SCRATCHDIR/doc.json" "$big/lon.txt" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
whole = open(sys.argv[2], encoding="utf-8").read()
t = d["text"]
assert d["text_truncated"] is True, d["text_truncated"]
assert d["text_length"] == len(whole.encode()), (d["text_length"], len(whole.encode()))
n = len(t.encode())
assert 4 * 1024 * 1024 - 4 <= n <= 4 * 1024 * 1024, n
assert whole.startswith(t), "the view is the text's beginning"
EOF
curl -s "$base/tracuu.fcgi?doc=$id" >"$SCRATCHDIR/doc.html"
check "doc page says it is cut" grep -q 'id="cut"' "$SCRATCHDIR/doc.html"
curl -s "$base/tracuu.fcgi?doc=1" >"$SCRATCHDIR/doc1.html"
check "a small document is whole" bash -c "! grep -q 'id=\"cut\"' '$SCRATCHDIR/doc1.html'"
# the terminal view too
"$BINDIR/tracuu-search" --db "$DB" --doc "$id" >"$SCRATCHDIR/doc.txt"
check "--doc says it is cut" grep -q 'text cut: 4194' "$SCRATCHDIR/doc.txt"
# JSON of the small corpus: exact facets, exact total
curl -s "$base/tracuu.fcgi?q=dan+van&format=json" >"$SCRATCHDIR/s.json"
check "small archive: facets exact" python3 -c "
import json; d=json.load(open('$SCRATCHDIR/s.json'))
assert d['facets_estimated'] is False and d['total_exact'] is True, d"
check "no ≈ on a small archive's page" bash -c "! curl -s '$base/tracuu.fcgi?q=dan+van' | grep -q '≈'"
finish
