# Shared helpers of the tracuu.cgi integration tests (sourced, not run).
# Expects BINDIR SRCDIR SCRATCHDIR set; defines ok/fail counters, an index
# builder and a CGI runner.

checks=0
failures=0
ok()   { checks=$((checks + 1)); }
bad()  { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
finish() {
  echo "$(basename "$0"): $checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}

# build_index DB: index SRCDIR/corpus three times over (15 documents, so
# that result lists have more than one page).
build_index() {
  local db=$1 docs=$SCRATCHDIR/docs
  rm -rf "$db" "$docs"
  mkdir -p "$docs/a" "$docs/b"
  cp "$SRCDIR"/corpus/*.txt "$docs/"
  cp "$SRCDIR"/corpus/*.txt "$docs/a/"
  cp "$SRCDIR"/corpus/*.txt "$docs/b/"
  "$BINDIR/tracuu-index" --db "$db" --quiet "$docs" >"$SCRATCHDIR/index.log" 2>&1
}

# free_port: an unused TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# html_unescape: &amp; -> & (for following hrefs found in a page).
html_unescape() { sed -e 's/&amp;/\&/g'; }
