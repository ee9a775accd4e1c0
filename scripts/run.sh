#!/usr/bin/env bash
# One command for a new user: install what is missing, build, index the
# sample archive sample/ (documents in several formats and legacy
# encodings), show example searches, then serve the search page on
# http://127.0.0.1:8080/ until Ctrl-C.
# Set TRACUU_NO_SERVE=1 to stop after the examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
# the build: one summary line (the compiler's output only when it fails)
log=build/build.log
mkdir -p build
echo "== building tracuu in build/ (Release; log: $log)"
start=$SECONDS
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release &&
       cmake --build build -j"$(nproc)" --target tracuu-index tracuu-search tracuu.cgi; } \
     >"$log" 2>&1; then
  echo "build failed; the end of $log:"
  grep -E 'error|Error' "$log" | head -20 || tail -20 "$log"
  exit 1
fi
echo "   built tracuu-index, tracuu-search, tracuu.cgi in $((SECONDS - start)) s" \
     "($(grep -c 'Building' "$log") files compiled)"
export TRACUU_DB="$PWD/build/sample.db"
export TRACUU_CONF=/dev/null   # not /etc/tracuu.conf of an installed copy
echo
echo "== tracuu-index sample/  (database: $TRACUU_DB)"
build/bin/tracuu-index --progress sample || echo "(some files could not be indexed: see above)"
for q in 'dan van kheo' 'nghi quyet 25' '"cai cach hanh chinh"' 'so:25-NQ/TW'; do
  echo
  echo "== tracuu-search $q"
  build/bin/tracuu-search --limit 3 "$q"
done
echo
echo "== tracuu-search --refs  (document numbers cited in the archive)"
build/bin/tracuu-search --refs | grep -v '^    ' | head -n 12
echo
echo "== tracuu-search --models  (mô hình named in the archive)"
build/bin/tracuu-search --models | grep -v '^    ' | head -n 8
if [ "${TRACUU_NO_SERVE:-0}" = 1 ]; then
  exit 0
fi
if [ -x scripts/serve.sh ] && [ -x build/bin/tracuu.cgi ]; then
  echo
  exec scripts/serve.sh --db "$TRACUU_DB"
fi
