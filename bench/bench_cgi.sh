#!/usr/bin/env bash
# Load test of the search page: wrk against tracuu.cgi behind lighttpd
# (scripts/serve.sh) on 127.0.0.1; prints requests/s and latency
# percentiles, and fails if any response was not 2xx or a socket errored.
# Usage: bench/bench_cgi.sh [--db DIR] [--bin DIR] [-d 10s] [-c 8] [-t 2]
#                           [--path '/?q=dan+van+kheo']...
#   Without --db, SRCDIR/corpus is indexed into a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db= bindir=$root/build/bin duration=10s conns=8 threads=2 paths=()
die() { echo "bench_cgi.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --bin) bindir=$2; shift 2 ;;
    -d) duration=$2; shift 2 ;;
    -c) conns=$2; shift 2 ;;
    -t) threads=$2; shift 2 ;;
    --path) paths+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1" ;;
  esac
done
[[ "$conns" =~ ^[0-9]+$ && "$conns" -le 64 ]] || die "-c: at most 64"
[[ "$threads" =~ ^[0-9]+$ && "$threads" -le 4 ]] || die "-t: at most 4"
[[ "$duration" =~ ^[0-9]+s$ && "${duration%s}" -le 60 ]] || die "-d: at most 60s"
[ ${#paths[@]} -gt 0 ] || paths=('/?q=dan+van+kheo')
command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"

work=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-bench.XXXXXX")
serve=
cleanup() {
  [ -z "$serve" ] || { kill "$serve" 2>/dev/null; wait "$serve" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$db" ]; then
  db=$work/db
  "$bindir/tracuu-index" --db "$db" --quiet "$root/corpus" ||
    die "indexing $root/corpus failed"
  echo "index: $root/corpus (temporary)"
else
  echo "index: $db"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TMPDIR=$work "$root/scripts/serve.sh" --port "$port" --db "$db" --bin "$bindir" \
  --quiet >"$work/serve.out" 2>"$work/serve.err" &
serve=$!
for _ in $(seq 100); do
  grep -q 'Trang tìm kiếm' "$work/serve.out" 2>/dev/null && break
  kill -0 "$serve" 2>/dev/null || { cat "$work/serve.err" >&2; die "server did not start"; }
  sleep 0.1
done

rc=0
for path in "${paths[@]}"; do
  url="http://127.0.0.1:$port$path"
  code=$(curl -s -o "$work/first" -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "GET $path: HTTP $code" >&2; rc=1; continue; }
  echo "== GET $path  (wrk -d $duration -c $conns -t $threads, $(stat -c %s "$work/first") bytes)"
  wrk -d "$duration" -c "$conns" -t "$threads" --latency "$url" >"$work/wrk.out"
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
  total=$(awk '/requests in/ {print $1}' "$work/wrk.out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.out")
  sockerr=$(grep -c '^ *Socket errors:' "$work/wrk.out" || true)
  p() { awk -v q="$1" '$1 == q {print $2}' "$work/wrk.out"; }
  echo "requests: $total  requests/s: $rps"
  echo "latency p50: $(p 50%)  p75: $(p 75%)  p90: $(p 90%)  p99: $(p 99%)"
  echo "non-2xx: ${non2xx:-0}  socket errors: $([ "$sockerr" = 0 ] && echo 0 || grep 'Socket errors' "$work/wrk.out")"
  if [ -n "$non2xx" ] || [ "$sockerr" != 0 ]; then
    cat "$work/wrk.out"; rc=1
  fi
done
exit $rc
