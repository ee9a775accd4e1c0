#!/usr/bin/env bash
# Every fuzz target under libFuzzer for a few seconds (scripts/fuzz.sh):
# built with clang in the build folder (kept between runs), each run from
# its seed corpus.  A crash, leak, UBSan error or timeout fails the test.
# Skipped (77) only when clang cannot be found (scripts/deps.sh installs it).
source "$(dirname "$0")/lib.sh" "$@"
secs=${TRACUU_FUZZ_SECONDS:-3}
out=$(TRACUU_FUZZ_BUILD="$BIN/../fuzz-clang" TRACUU_FUZZ_WORK="$SCRATCH/work" \
      "$SRC/scripts/fuzz.sh" "$secs" 2>&1); rc=$?
echo "$out"
[ $rc -eq 77 ] && exit 77
expect_eq "fuzz.sh: nothing found" "$rc" 0
n=$(ls "$SRC"/tests/fuzz/fuzz_*.c | wc -l)
expect_eq "every target ran" "$(grep -c ' ok$' <<<"$out")" "$n"
while read -r name _ _ execs _ _ _ _ _; do
  [ "${execs:-0}" -gt 0 ] 2>/dev/null && ok || fail "$name: no executions"
done < <(grep -E '^fuzz_' <<<"$out")
finish
