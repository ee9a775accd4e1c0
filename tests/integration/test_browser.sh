#!/usr/bin/env bash
# The search page in a real browser: headless Debian Chromium driven through
# chromedriver (W3C WebDriver) by browser_check.py (python3 stdlib only).
# Types "dan van kheo", checks the first result, follows a facet link and a
# page link, opens a document, and saves screenshots in SCRATCHDIR.
# Exit 77 (skipped) only when Chromium is missing and cannot be installed.
# Usage: test_browser.sh BINDIR SRCDIR SCRATCHDIR
set -uo pipefail
BINDIR=$1 SRCDIR=$2 SCRATCHDIR=$3
mkdir -p "$SCRATCHDIR"
SCRATCHDIR=$(realpath "$SCRATCHDIR")
. "$SRCDIR/tests/integration/cgi_common.sh"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends chromium chromium-driver fonts-dejavu-core \
    >/dev/null 2>&1 || true
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "SKIP: Debian chromium and chromium-driver are not installed and cannot be installed"
  exit 77
fi
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
# chromedriver talks to Chromium through ws://localhost: a root without
# /etc/hosts (a bare chroot) cannot run it at all
if ! getent hosts localhost >/dev/null; then
  echo "SKIP: 'localhost' does not resolve (no /etc/hosts?): chromedriver cannot reach Chromium"
  exit 77
fi

DB=$SCRATCHDIR/db
build_index "$DB" || { echo "tracuu-index failed:"; cat "$SCRATCHDIR/index.log"; exit 1; }
port=$(free_port)
TMPDIR=$SCRATCHDIR "$SRCDIR/scripts/serve.sh" --port "$port" --db "$DB" \
  --bin "$BINDIR" --quiet >"$SCRATCHDIR/serve.out" 2>"$SCRATCHDIR/serve.err" &
serve=$!
dport=$(free_port)
rm -rf "$SCRATCHDIR/chromium-profile"
/usr/bin/chromedriver --port="$dport" --allowed-ips=127.0.0.1 \
  >"$SCRATCHDIR/chromedriver.log" 2>&1 &
driver=$!
cleanup() {
  kill $driver $serve 2>/dev/null
  wait $driver $serve 2>/dev/null
  rm -rf "$SCRATCHDIR/chromium-profile"
}
trap cleanup EXIT
for _ in $(seq 100); do
  grep -q 'Trang tìm kiếm' "$SCRATCHDIR/serve.out" 2>/dev/null &&
    curl -s "http://127.0.0.1:$dport/status" 2>/dev/null | grep -q '"ready": *true' && break
  sleep 0.1
done

python3 "$SRCDIR/tests/integration/browser_check.py" \
  "http://127.0.0.1:$dport" "http://127.0.0.1:$port/" "$SCRATCHDIR"
rc=$?
ls -l "$SCRATCHDIR"/browser-*.png 2>/dev/null
exit $rc
