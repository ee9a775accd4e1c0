#!/usr/bin/env bash
# The shipped web-server snippets (packaging/web/), unchanged but for the
# path of tracuu.cgi and the test database, in real lighttpd, Apache 2
# (mod_cgid) and nginx + fcgiwrap on loopback ports: a search page, the
# JSON answer, the style sheet and error statuses through each.
# Usage: test_cgi_webservers.sh BINDIR SRCDIR SCRATCHDIR
set -uo pipefail
BINDIR=$1 SRCDIR=$2 SCRATCHDIR=$3
rm -rf "$SCRATCHDIR"; mkdir -p "$SCRATCHDIR"
. "$SRCDIR/tests/integration/cgi_common.sh"
command -v curl >/dev/null || { echo "SKIP: curl is not installed"; exit 77; }
DB=$SCRATCHDIR/db
build_index "$DB" || { echo "tracuu-index failed:"; cat "$SCRATCHDIR/index.log"; exit 1; }
chmod -R a+rX "$SCRATCHDIR"
CGI=$(realpath "$BINDIR/tracuu.cgi")
SCRATCH_L=$SCRATCHDIR/lighttpd
snippet() {  # snippet NAME: the shipped snippet with this build's paths
  sed -e "s|@TRACUU_CGI@|$CGI|g" -e "s|@TRACUU_FCGIWRAP_SOCKET@|$SCRATCHDIR/fcgi/fcgiwrap.sock|g" \
    "$SRCDIR/packaging/web/$1-tracuu.conf.in"
}
run_user=""
[ "$(id -u)" -eq 0 ] && run_user=www-data
if [ -n "$run_user" ] && ! runuser -u "$run_user" -- test -x "$CGI" 2>/dev/null; then
  echo "SKIP: $CGI is not reachable by $run_user"; exit 77
fi
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null' EXIT
B=$SCRATCHDIR/body H=$SCRATCHDIR/headers
get() { code=$(curl -s --max-time 20 -o "$B" -D "$H" -w '%{http_code}' "$1"); }
wait_port() {
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done
  return 1
}
pages() {  # pages NAME BASEURL
  get "$2?q=dan+van+kheo"
  check "$1: search 200 (got $code: $(head -c 300 "$B"))" [ "$code" = 200 ]
  check "$1: html" grep -qi '^Content-Type: text/html; charset=utf-8' "$H"
  check "$1: CSP" grep -qi "^Content-Security-Policy: default-src 'none'" "$H"
  check "$1: results" grep -q 'data-total="[1-9]' "$B"
  check "$1: marks" grep -q '<mark>' "$B"
  get "$2?q=d%C3%A2n+v%E1%BA%ADn&format=json"
  check "$1: json" python3 -c "import json; d=json.load(open('$B')); assert d['total'] > 0"
  get "$2?asset=css"
  check "$1: css" grep -qi '^Content-Type: text/css' "$H"
  get "$2?q=%FF"   # (lighttpd answers this one itself)
  check "$1: bad utf-8 is 400" [ "$code" = 400 ]
  get "$2?q=a&page=0"
  check "$1: bad page is 400" [ "$code" = 400 ]
  check "$1: Vietnamese error page" grep -q 'Yêu cầu không hợp lệ' "$B"
  check "$1: the detail in Vietnamese" grep -q 'trang (page) phải là số' "$B"
  get "$2?nosuch=1"
  check "$1: unknown parameter 400" [ "$code" = 400 ]
}

tested=0
# ---- lighttpd: packaging/web/lighttpd-tracuu.conf.in
lighttpd=$(command -v lighttpd || echo /usr/sbin/lighttpd)
if [ -x "$lighttpd" ]; then
  L=$SCRATCH_L; mkdir -p "$L/htdocs"
  snippet lighttpd > "$L/tracuu.conf"
  port=$(free_port)
  user_lines=""
  [ -n "$run_user" ] && user_lines="server.username = \"$run_user\""$'\n'"server.groupname = \"$run_user\""
  cat > "$L/lighttpd.conf" <<LIGHTTPD
server.document-root = "$L/htdocs"
server.bind = "127.0.0.1"
server.port = $port
$user_lines
setenv.add-environment = ( "TRACUU_DB" => "$DB" )
server.modules += ( "mod_setenv" )
include "$L/tracuu.conf"
LIGHTTPD
  out=$("$lighttpd" -tt -f "$L/lighttpd.conf" 2>&1)
  check "lighttpd: the shipped snippet loads ($out)" [ -z "$out" ]
  "$lighttpd" -D -f "$L/lighttpd.conf" 2>>"$L/error.log" & pids+=($!)
  if wait_port "$port"; then
    pages lighttpd "http://127.0.0.1:$port/tracuu"
    get "http://127.0.0.1:$port/tracuu/x"
    check "lighttpd: only /tracuu runs the program" [ "$code" = 404 ]
  else
    bad "lighttpd did not start: $(tail -5 "$L/error.log")"
  fi
  tested=$((tested + 1))
fi
# ---- Apache 2.4 with mod_cgid: packaging/web/apache2-tracuu.conf.in
apache=$(command -v apache2 || echo /usr/sbin/apache2)
mods=/usr/lib/apache2/modules
if [ -x "$apache" ] && [ -f "$mods/mod_cgid.so" ]; then
  A=$SCRATCHDIR/apache; mkdir -p "$A/run" "$A/htdocs"
  snippet apache2 > "$A/tracuu.conf"
  port=$(free_port)
  {
    echo "ServerRoot $A"
    echo "ServerName 127.0.0.1"
    for m in mpm_event authz_core authz_host alias cgid env; do
      echo "LoadModule ${m}_module $mods/mod_$m.so"
    done
    [ -n "$run_user" ] && printf 'User %s\nGroup %s\n' "$run_user" "$run_user"
    echo "Listen 127.0.0.1:$port"
    echo "PidFile $A/run/httpd.pid"
    echo "DefaultRuntimeDir $A/run"
    echo "ScriptSock $A/run/cgid.sock"
    echo "ErrorLog $A/error.log"
    echo "DocumentRoot $A/htdocs"
    echo "SetEnv TRACUU_DB $DB"
    echo "Include $A/tracuu.conf"
  } > "$A/httpd.conf"
  out=$("$apache" -t -f "$A/httpd.conf" 2>&1)
  check "apache2: configtest of the shipped snippet ($out)" grep -q 'Syntax OK' <<<"$out"
  "$apache" -f "$A/httpd.conf" -DFOREGROUND 2>>"$A/error.log" & pids+=($!)
  if wait_port "$port"; then
    pages apache2 "http://127.0.0.1:$port/tracuu"
    get "http://127.0.0.1:$port/elsewhere"
    check "apache2: only /tracuu runs the program" [ "$code" = 404 ]
  else
    bad "apache2 did not start: $(tail -5 "$A/error.log")"
  fi
  tested=$((tested + 1))
else
  echo "apache2 not installed: its snippet is not tested here"
fi

# ---- nginx + fcgiwrap: packaging/web/nginx-tracuu.conf.in
nginx=$(command -v nginx || echo /usr/sbin/nginx)
fcgiwrap=$(command -v fcgiwrap || echo /usr/sbin/fcgiwrap)
if [ -x "$nginx" ] && [ -x "$fcgiwrap" ]; then
  N=$SCRATCHDIR/nginx; mkdir -p "$N/tmp"
  chmod 777 "$N/tmp"
  # the database: a parameter inside the location (nginx does not inherit
  # fastcgi_param into a location that sets its own); installed, the
  # program reads /etc/tracuu.conf instead
  snippet nginx | sed "s|^\( *\)fastcgi_pass |\1fastcgi_param TRACUU_DB $DB;\n&|" > "$N/tracuu.conf"
  port=$(free_port)
  # fcgiwrap passes nginx's fastcgi_params, plus the database for the test
  cat > "$N/nginx.conf" <<NGINX
${run_user:+user $run_user;}
pid $N/nginx.pid;
error_log $N/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $N/tmp; proxy_temp_path $N/tmp;
    fastcgi_temp_path $N/tmp; uwsgi_temp_path $N/tmp; scgi_temp_path $N/tmp;
    server {
        listen 127.0.0.1:$port;
        location = / { return 404; }
        include $N/tracuu.conf;
    }
}
NGINX
  # the snippet says "include fastcgi_params": nginx's own, found next to
  # its configuration, as in /etc/nginx
  cp /etc/nginx/fastcgi_params "$N/" 2>/dev/null
  mkdir -p "$SCRATCHDIR/fcgi"
  [ -n "$run_user" ] && chown "$run_user" "$SCRATCHDIR/fcgi"
  if [ -n "$run_user" ]; then
    runuser -u "$run_user" -- "$fcgiwrap" -s "unix:$SCRATCHDIR/fcgi/fcgiwrap.sock" & pids+=($!)
  else
    "$fcgiwrap" -s "unix:$SCRATCHDIR/fcgi/fcgiwrap.sock" & pids+=($!)
  fi
  out=$("$nginx" -t -p "$N" -c "$N/nginx.conf" 2>&1)
  check "nginx: configtest of the shipped snippet ($out)" grep -q 'test is successful' <<<"$out"
  "$nginx" -p "$N" -c "$N/nginx.conf" -g 'daemon off;' 2>>"$N/error.log" & pids+=($!)
  for _ in $(seq 50); do [ -S "$SCRATCHDIR/fcgi/fcgiwrap.sock" ] && break; sleep 0.1; done
  if wait_port "$port"; then
    pages nginx "http://127.0.0.1:$port/tracuu"
    curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/tracuu" > "$B"
    check "nginx: POST refused" grep -q 403 "$B"
  else
    bad "nginx did not start: $(tail -5 "$N/error.log")"
  fi
  tested=$((tested + 1))
else
  echo "nginx or fcgiwrap not installed: that snippet is not tested here"
fi
[ $tested -gt 0 ] || { echo "SKIP: no web server is installed"; exit 77; }
finish
