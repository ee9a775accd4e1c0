#!/usr/bin/env bash
# Run every unit test and the programs on corpus/ under valgrind (a build
# without sanitizers, which do not mix with valgrind).  Slow: minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
b=build-vg
cmake -S . -B "$b" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$b" -j"$(nproc)" >/dev/null
vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite)
fails=0
for t in "$b"/tests/test_*; do
  echo "== $(basename "$t")"
  "${vg[@]}" "$t" "$PWD" >/dev/null || { echo "FAIL: $t"; fails=$((fails + 1)); }
done
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
run() { echo "== $*"; "${vg[@]}" "$@" >/dev/null || { echo "FAIL: $*"; fails=$((fails + 1)); }; }
run "$b/bin/tracuu-index" --db "$db/db" corpus
run "$b/bin/tracuu-search" --db "$db/db" --facets dan van kheo
run "$b/bin/tracuu-search" --db "$db/db" --json 'so:25-NQ/TW OR mohinh:"dan van kheo"'
run "$b/bin/tracuu-search" --db "$db/db" --refs
run "$b/bin/tracuu-search" --db "$db/db" --models --json
TRACUU_DB=$db/db REQUEST_METHOD=GET QUERY_STRING='q=dan+van+kheo' run "$b/bin/tracuu.cgi"
echo "valgrind: $fails failure(s)"
[ "$fails" -eq 0 ]
