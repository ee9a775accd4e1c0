#!/usr/bin/env bash
# Run every fuzz target (tests/fuzz/fuzz_*.c) under libFuzzer for SECONDS
# each, one after the other, starting from the seed corpus of each (copied
# into a working corpus that keeps what libFuzzer finds between runs).
# Builds them with clang in build-fuzz/ (AddressSanitizer, UBSan).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (default 60 s, all)
# Environment: TRACUU_FUZZ_BUILD (build folder), TRACUU_FUZZ_WORK (working
# corpora and crash files; default BUILD/work).
# Prints, per target: executions, coverage (edges) and features, corpus
# size, and each crash, leak or timeout found (the input is kept in
# WORK/TARGET/findings: add it to tests/fuzz/regress/TARGET/ once fixed).
# Exit: 0 nothing found; 1 something found; 2 usage; 77 no clang.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
[[ "$secs" =~ ^[0-9]+$ ]] && [ "$secs" -ge 1 ] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
shift || true
build=${TRACUU_FUZZ_BUILD:-$root/build-fuzz}
work=${TRACUU_FUZZ_WORK:-$build/work}
cc=$(command -v clang || ls /usr/bin/clang-[0-9]* 2>/dev/null | sort -V | tail -1)
cxx=$(command -v clang++ || ls /usr/bin/clang++-[0-9]* 2>/dev/null | sort -V | tail -1)
if [ -z "$cc" ] || [ -z "$cxx" ]; then
  echo "fuzz.sh: clang is not installed (scripts/deps.sh installs it)" >&2
  exit 77
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=$cc CXX=$cxx cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTRACUU_FUZZ=ON >/dev/null || exit 1
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/tests/fuzz/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >"$build/fuzz-build.log" 2>&1 ||
  { echo "fuzz.sh: build failed (see $build/fuzz-build.log)" >&2; tail -20 "$build/fuzz-build.log" >&2; exit 1; }
found=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for t in "${targets[@]}"; do
  corpus=$work/$t/corpus findings=$work/$t/findings
  mkdir -p "$corpus" "$findings"
  cp -n "$root/tests/fuzz/corpus/$t"/* "$corpus/" 2>/dev/null || true
  log=$work/$t/last.log
  "$build/fuzz/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
    "$corpus" >"$log" 2>&1
  rc=$?
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  last=$(grep -E '#[0-9]+.*(cov|DONE)' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  n=$(ls "$corpus" | wc -l)
  status=ok
  if [ $rc -ne 0 ] || ls "$findings" | grep -q .; then
    status="FOUND: $(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|deadly signal' "$log" | cut -c1-160)"
    found=1
  fi
  printf '%-20s %5ss  execs %-10s cov %-6s ft %-7s corpus %-5s %s\n' "$t" "$secs" \
    "${execs:-?}" "${cov:-?}" "${ft:-?}" "$n" "$status"
done
exit $found
