#!/usr/bin/env bash
# Partial matching speed: a 60-word pasted paragraph (2 words changed) and
# questions against three-word queries, on a generated archive of N
# documents (default 10000, from corpus/ seeds by bench/gen_corpus.py),
# Release build.  The goal (issue 15): a pasted paragraph answers in under
# twice the time of a three-word query.  Usage: bench/bench_partial.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target tracuu-index bench_partial >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_corpus.py "$n" "$work/gen" >/dev/null
"$build/bin/tracuu-index" --quiet --db "$work/gen.db" "$work/gen" || true
python3 - "$work/gen" > "$work/queries" <<'PY'
import os, random, sys
rnd = random.Random(7)
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs)
for q in ["dân vận khéo", "cải cách hành chính", "huyện ủy lâm hà", "chuyển đổi số",
          "công tác dân vận", "xây dựng nông thôn", "đảng viên mới", "an ninh trật tự",
          "cầu treo dân sinh", "phong trào thi đua"]:
    print("3words\t" + q)
for q in ["xã nào được công nhận đạt chuẩn nông thôn mới nâng cao năm 2022?",
          "ai phụ trách công tác tôn giáo ở huyện",
          "bao nhiêu hộ thoát nghèo trong năm 2023",
          "những khó khăn trong chuyển đổi số ở cấp xã là gì",
          "mô hình dân vận khéo nào được nhân rộng ở các xã"]:
    print("question\t" + q)
for k in range(10):
    words = open(rnd.choice(files), encoding="utf-8").read().split()
    if len(words) < 80:
        continue
    at = rnd.randrange(0, len(words) - 60)
    p = words[at:at + 60]
    p[rnd.randrange(60)] = "mạnh"
    p[rnd.randrange(60)] = "tốt"
    print("paste60\t" + " ".join(p[:30]) + "\\n" + " ".join(p[30:]))
PY
"$build/bin/bench_partial" "$work/gen.db" "$work/queries" 5
