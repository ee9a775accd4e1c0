#!/usr/bin/env bash
# Indexing and query benchmark: corpus/ and a generated archive of N
# documents (default 10000), Release build.  Prints MB/s, files/s and query
# latencies.  Usage: bench/bench_index.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target tracuu-index tracuu-search bench_search >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== corpus/ ($(du -sb corpus | cut -f1) bytes)"
"$build/bin/tracuu-index" --db "$work/corpus.db" corpus
"$build/bin/bench_search" "$work/corpus.db" 50
echo "== generated archive: $n documents"
python3 bench/gen_corpus.py "$n" "$work/gen"
echo "$(find "$work/gen" -type f | wc -l) files, $(find "$work/gen" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}') MB"
"$build/bin/tracuu-index" --db "$work/gen.db" "$work/gen"
echo "re-run, nothing changed:"
"$build/bin/tracuu-index" --db "$work/gen.db" "$work/gen"
echo "database size: $(du -sh "$work/gen.db" | cut -f1)"
"$build/bin/bench_search" "$work/gen.db" 20
