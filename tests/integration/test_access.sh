#!/usr/bin/env bash
# Access control on the search page: two users and three folders, through
# tracuu.cgi directly (REMOTE_USER set by hand) and through the real
# lighttpd with Basic auth (mod_auth, an htpasswd file).  Counts, facets,
# suggestions and the document view hold only the folders each may see; a
# guessed docid of a forbidden document is a 404 like a missing one; an
# unknown user sees nothing and gets a clear page; no mapping: everything.
source "$(dirname "$0")/lib.sh" "$@"
# the system Python starts fast (a version manager's shim may take a second)
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
D=$SCRATCH/kho
mkdir -p "$D/chung" "$D/tochuc" "$D/kiemtra"
# each folder: two documents with the shared word "chungchung", a year of
# its own (facets), a document number of its own (so:) and a marked word
# only it holds (suggestions)
w() { printf '%s\n' "$2" > "$1"; }
w "$D/chung/c1.txt"   "Báo cáo chung ngày 05/01/2021. chungchung. Thực hiện Nghị quyết số 11-NQ/TU. Hội nghị dân vận."
w "$D/chung/c2.txt"   "Thông báo chung ngày 06/02/2021. chungchung. Mô hình “Dân vận khéo” được nhân rộng."
w "$D/tochuc/t1.txt"  "Quyết định nhân sự ngày 07/03/2022. chungchung. Thực hiện Kết luận số 22-KL/TU về bổ nhiệm cán bộ."
w "$D/tochuc/t2.txt"  "Danh sách quy hoạch ngày 08/04/2022. chungchung. bổ nhiệm luân chuyển."
w "$D/kiemtra/k1.txt" "Kết luận thanh tra ngày 09/05/2023. chungchung. Thực hiện Chỉ thị số 33-CT/TU. Đơn khiếu nại tố cáo."
w "$D/kiemtra/k2.txt" "Báo cáo kiểm tra ngày 10/06/2023. chungchung. Mô hình “Kiểm tra bí mật” khiếu nại."
"$BIN/tracuu-index" --quiet "$D" 2>&1; expect_eq "index" "$?" 0
printf 'tochuc: an\nkhac: binh\n' > "$SCRATCH/groups"
cat > "$SCRATCH/tracuu.conf" <<CONF
db = $TRACUU_DB
[access]
# an: the common folder and, through the group tochuc, personnel files
user.an = $D/chung
group.tochuc = $D/tochuc
# binh: the common folder and inspection files
user.binh = $D/chung
user.binh = $D/kiemtra/
groups_file = $SCRATCH/groups
CONF
export TRACUU_CONF=$SCRATCH/tracuu.conf
unset TRACUU_DB

cgi() {  # cgi USER QUERY_STRING: the response (headers and body)
  if [ -n "$1" ]; then
    REMOTE_USER=$1 REQUEST_METHOD=GET QUERY_STRING=$2 "$BIN/tracuu.cgi" 2>"$SCRATCH/cgi.err"
  else
    env -u REMOTE_USER REQUEST_METHOD=GET QUERY_STRING=$2 "$BIN/tracuu.cgi" 2>"$SCRATCH/cgi.err"
  fi
}
n_cache=0
declare -A cache
json() {  # json USER QUERY_STRING PYTHON-EXPR over d (each page fetched once)
  local key="$TRACUU_CONF|${TRACUU_TEST_GROUPS:-}|$1|$2" f
  f=${cache[$key]:-}
  if [ -z "$f" ]; then
    n_cache=$((n_cache + 1)); f=$SCRATCH/page.$n_cache; cache[$key]=$f
    cgi "$1" "$2&format=json" | sed '1,/^\r\{0,1\}$/d' > "$f"
  fi
  $PY -c "
import json, sys, os
d = json.load(open('$f'))
names = sorted(os.path.basename(r['path']) for r in d.get('results', []))
print($3)"
}
docid_of() {  # the docid of a file name, read with the CLI (no access control)
  TRACUU_DB=$SCRATCH/db "$BIN/tracuu-search" --json --limit 100 chungchung |
    $PY -c "import json,sys,os; print([r['docid'] for r in json.load(sys.stdin)['results'] if os.path.basename(r['path'])=='$1'][0])"
}

# counts and result lists
expect_eq "an: total" "$(json an 'q=chungchung' "d['total']")" 4
expect_eq "an: results" "$(json an 'q=chungchung' "' '.join(names)")" "c1.txt c2.txt t1.txt t2.txt"
expect_eq "binh: total" "$(json binh 'q=chungchung' "d['total']")" 4
expect_eq "binh: results" "$(json binh 'q=chungchung' "' '.join(names)")" "c1.txt c2.txt k1.txt k2.txt"
expect_eq "an: every document (no query)" "$(json an 'page=1' "d['total']")" 4
expect_eq "an: a forbidden word finds nothing" "$(json an 'q=thanh+tra' "d['total']")" 0
expect_eq "an: a forbidden number finds nothing" "$(json an 'q=so:33-CT/TU' "d['total']")" 0
expect_eq "binh: the number of the inspection" "$(json binh 'q=so:33-CT/TU' "' '.join(names)")" "k1.txt"
# facets: years and models of allowed documents only
expect_eq "an: year facet" "$(json an 'q=chungchung' "sorted(x['value'] for x in d['facets']['year'])")" "['2021', '2022']"
expect_eq "binh: year facet" "$(json binh 'q=chungchung' "sorted(x['value'] for x in d['facets']['year'])")" "['2021', '2023']"
expect_eq "an: model facet" "$(json an 'q=chungchung' "[x['value'] for x in d['facets']['model']]")" "['Dân vận khéo']"
expect_eq "an: issuer counts" "$(json an 'q=chungchung' "[(x['value'], x['count']) for x in d['facets']['cited_issuer']]")" "[('TU', 2)]"
# suggestions: accents restored only from documents the reader may see
expect_eq "binh: suggestion from kiemtra" "$(json binh 'q=khieu+nai' "d['suggestion']")" "khiếu nại"
expect_eq "an: no suggestion from a forbidden folder" "$(json an 'q=khieu+nai' "d['suggestion']")" "None"
expect_eq "an: no suggestion (no match either)" "$(json an 'q=bi+mat' "(d['total'], d['suggestion'])")" "(0, None)"
# the document view: allowed, forbidden (404 like a missing one), missing
t1=$(docid_of t1.txt); k1=$(docid_of k1.txt)
expect_contains "an: sees t1" "$(cgi an "doc=$t1")" "Status: 200"
forbidden=$(cgi an "doc=$k1")
missing=$(cgi an "doc=999999")
expect_contains "an: k1 is 404" "$forbidden" "Status: 404"
expect_eq "forbidden and missing look the same" "$forbidden" "$missing"
expect_not_contains "forbidden: no text" "$forbidden" "thanh tra"
expect_contains "binh: sees k1" "$(cgi binh "doc=$k1")" "Kết luận thanh tra"
expect_contains "binh: t1 is 404" "$(cgi binh "doc=$t1")" "Status: 404"
expect_contains "an: forbidden doc in JSON is 404" "$(cgi an "doc=$k1&format=json")" "Status: 404"
# more like this: a forbidden document cannot be the model, and the
# documents like an allowed one are allowed ones
expect_eq "an: like= a forbidden doc = like= a missing one" "$(cgi an "like=$k1")" "$(cgi an "like=999999")"
expect_contains "an: like= a forbidden doc is 404" "$(cgi an "like=$k1")" "Status: 404"
expect_eq "an: documents like t1" "$(json an "like=$t1" "all(n[0] in 'ct' for n in names) and d['total'] <= 3")" "True"
# an unknown user and no user: nothing, with a clear page
page=$(cgi khach 'q=chungchung')
expect_contains "unknown user: 403" "$page" "Status: 403"
expect_contains "unknown user: clear page" "$page" "chưa được cấp quyền"
expect_not_contains "unknown user: no result" "$page" "c1.txt"
expect_contains "unknown user: logged" "$(cat "$SCRATCH/cgi.err")" "user 'khach': no folder allowed"
expect_contains "no REMOTE_USER: 403" "$(cgi '' 'q=chungchung')" "Status: 403"
# groups from the server's variable (groups_var)
printf 'db = %s\n[access]\ngroup.kt = %s\ngroups_var = TRACUU_TEST_GROUPS\n' "$SCRATCH/db" "$D/kiemtra" > "$SCRATCH/gv.conf"
expect_eq "groups_var: member" "$(TRACUU_CONF=$SCRATCH/gv.conf TRACUU_TEST_GROUPS='x, kt' json lan 'q=chungchung' "' '.join(names)")" "k1.txt k2.txt"
expect_contains "groups_var: not a member" "$(TRACUU_CONF=$SCRATCH/gv.conf TRACUU_TEST_GROUPS='kt2' cgi lan 'q=chungchung')" "Status: 403"
printf 'db = %s\n[access]\ngroup.kt = %s\ngroups_var = HTTP_X_GROUPS\n' "$SCRATCH/db" "$D/kiemtra" > "$SCRATCH/bad.conf"
bad=$(TRACUU_CONF=$SCRATCH/bad.conf HTTP_X_GROUPS=kt cgi lan 'q=chungchung')
expect_contains "groups_var from the request refused: 500" "$bad" "Status: 500"
expect_not_contains "groups_var from the request refused: nothing shown" "$bad" "k1.txt"
expect_contains "groups_var refused: logged" "$(cat "$SCRATCH/cgi.err")" "cannot be trusted"
# "*": everything; no mapping at all: everything (today's behaviour)
printf 'db = %s\n[access]\nuser.sep = *\n' "$SCRATCH/db" > "$SCRATCH/all.conf"
expect_eq "user with *" "$(TRACUU_CONF=$SCRATCH/all.conf json sep 'q=chungchung' "d['total']")" 6
printf 'db = %s\n' "$SCRATCH/db" > "$SCRATCH/none.conf"
expect_eq "no mapping: everything" "$(TRACUU_CONF=$SCRATCH/none.conf json '' 'q=chungchung' "d['total']")" 6
# the CLI reads the database directly: unchanged
expect_eq "CLI unchanged" "$(TRACUU_DB=$SCRATCH/db "$BIN/tracuu-search" --json chungchung | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 6

# ---- through lighttpd with Basic auth
lighttpd=$(command -v lighttpd || echo /usr/sbin/lighttpd)
if [ ! -x "$lighttpd" ] || ! command -v curl >/dev/null || ! command -v openssl >/dev/null ||
   [ ! -e /usr/lib/lighttpd/mod_authn_file.so ]; then
  echo "note: lighttpd, mod_authn_file, curl or openssl missing: the HTTP part is skipped"
  finish; exit
fi
W=$SCRATCH/www
mkdir -p "$W"
ln -s "$BIN/tracuu.cgi" "$W/tracuu.cgi"
{ printf 'an:%s\n' "$(openssl passwd -apr1 matkhau-an)"
  printf 'binh:%s\n' "$(openssl passwd -apr1 matkhau-binh)"
  printf 'khach:%s\n' "$(openssl passwd -apr1 matkhau-khach)"; } > "$SCRATCH/htpasswd"
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$SCRATCH/lighttpd.conf" <<CONF
server.modules = ("mod_auth", "mod_authn_file", "mod_setenv", "mod_cgi")
server.bind = "127.0.0.1"
server.port = $port
server.document-root = "$W"
server.follow-symlink = "enable"
index-file.names = ("tracuu.cgi")
cgi.assign = (".cgi" => "")
setenv.add-environment = ("TRACUU_CONF" => "$SCRATCH/tracuu.conf")
server.breakagelog = "$SCRATCH/breakage.log"
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "$SCRATCH/htpasswd"
auth.require = ("/" => ("method" => "basic", "realm" => "tracuu", "require" => "valid-user"))
CONF
"$lighttpd" -D -f "$SCRATCH/lighttpd.conf" 2>"$SCRATCH/lighttpd.err" &
srv=$!
trap 'kill $srv 2>/dev/null' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
base=http://127.0.0.1:$port
http() { curl -s -w '\n%{http_code}' "$@"; }
hjson() {  # hjson USER:PASS QUERY EXPR
  curl -s -u "$1" "$base/?$2&format=json" > "$SCRATCH/h.json"
  $PY -c "
import json, sys, os
d = json.load(open('$SCRATCH/h.json'))
names = sorted(os.path.basename(r['path']) for r in d.get('results', []))
print($3)"
}
expect_eq "http: no login: 401" "$(http "$base/?q=chungchung" | tail -1)" 401
expect_eq "http: wrong password: 401" "$(http -u an:sai "$base/?q=chungchung" | tail -1)" 401
expect_eq "http an: results" "$(hjson an:matkhau-an 'q=chungchung' "' '.join(names)")" "c1.txt c2.txt t1.txt t2.txt"
expect_eq "http binh: results" "$(hjson binh:matkhau-binh 'q=chungchung' "' '.join(names)")" "c1.txt c2.txt k1.txt k2.txt"
expect_eq "http an: facets" "$(hjson an:matkhau-an 'q=chungchung' "sorted(x['value'] for x in d['facets']['year'])")" "['2021', '2022']"
expect_eq "http an: no forbidden suggestion" "$(hjson an:matkhau-an 'q=khieu+nai' "(d['total'], d['suggestion'])")" "(0, None)"
expect_eq "http binh: suggestion" "$(hjson binh:matkhau-binh 'q=khieu+nai' "d['suggestion']")" "khiếu nại"
expect_eq "http an: forbidden doc 404" "$(http -u an:matkhau-an "$base/?doc=$k1" | tail -1)" 404
expect_eq "http an: allowed doc 200" "$(http -u an:matkhau-an "$base/?doc=$t1" | tail -1)" 200
expect_eq "http: forbidden = missing" "$(curl -s -u an:matkhau-an "$base/?doc=$k1")" "$(curl -s -u an:matkhau-an "$base/?doc=999999")"
page=$(http -u khach:matkhau-khach "$base/?q=chungchung")
expect_eq "http khach: 403" "$(tail -1 <<<"$page")" 403
expect_contains "http khach: clear page" "$page" "chưa được cấp quyền"
# a forged REMOTE_USER header changes nothing
expect_eq "http: forged header" "$(curl -s -u an:matkhau-an -H 'Remote-User: binh' "$base/?q=chungchung&format=json" | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 4
kill $srv; wait $srv 2>/dev/null; trap - EXIT
finish
