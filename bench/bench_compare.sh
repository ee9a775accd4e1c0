#!/usr/bin/env bash
# Before/after query latency in one run: the bench_search queries on a
# generated archive, indexed and searched by an older build and by this
# tree (Release).  Timings are noisy on a shared machine: compare the ratios
# of one run.  Prints indexing time of each and, per query, p50 of each and
# the ratio new/old (queries the old build lacks show "-").
# usage: bench/bench_compare.sh OLD_BUILD_DIR [N] [ROUNDS]
#   OLD_BUILD_DIR: a Release build of the older commit with bin/tracuu-index
#   and bin/bench_search (cmake --build DIR --target bench_search).
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench/bench_compare.sh OLD_BUILD_DIR [N] [ROUNDS]}
n=${2:-2000}
rounds=${3:-20}
new=build-bench
cmake -S . -B "$new" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$new" -j"$(nproc)" --target tracuu-index bench_search >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_corpus.py "$n" "$work/gen"
for side in old new; do
  dir=$old; [ "$side" = new ] && dir=$new
  t0=$(date +%s.%N)
  "$dir/bin/tracuu-index" --quiet --db "$work/$side.db" "$work/gen" || true
  t1=$(date +%s.%N)
  echo "$side: indexed $n documents in $(echo "$t1 - $t0" | bc) s, $(du -sh "$work/$side.db" | cut -f1)"
done
# interleave the two sides round by round so that load hits both alike
: > "$work/old.out"; : > "$work/new.out"
for r in 1 2 3; do
  "$old/bin/bench_search" "$work/old.db" "$rounds" >> "$work/old.out"
  "$new/bin/bench_search" "$work/new.db" "$rounds" >> "$work/new.out"
done
python3 - "$work/old.out" "$work/new.out" <<'PY'
import re, sys, statistics
def read(path):
    d = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(.*?)\s+(\d+)\s+([\d.]+)\s+([\d.]+)(\s+\(with facets\))?$", line.rstrip("\n"))
        if m and not line.startswith("query"):
            d.setdefault(m.group(1).strip(), []).append((int(m.group(2)), float(m.group(3))))
    return d
old, new = read(sys.argv[1]), read(sys.argv[2])
print(f"{'query':40} {'old p50':>9} {'new p50':>9} {'ratio':>6} {'matches old/new':>17}")
worst = 0
for q, v in new.items():
    n50 = statistics.median(x[1] for x in v)
    if q in old:
        o50 = statistics.median(x[1] for x in old[q])
        ratio = n50 / o50 if o50 else float("inf")
        worst = max(worst, ratio)
        print(f"{q:40} {o50:9.2f} {n50:9.2f} {ratio:6.2f} {old[q][0][0]:>8}/{v[0][0]:<8}")
    else:
        print(f"{q:40} {'-':>9} {n50:9.2f} {'-':>6} {'-':>8}/{v[0][0]:<8}")
print(f"worst ratio new/old over the shared queries: {worst:.2f}")
PY
