#!/usr/bin/env bash
# Command lines as getopt_long reads them: --opt=value, --opt value, -- before
# a query that starts with -, --version, and clear usage errors (exit 2).
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
mkdir -p "$A"
printf 'Công tác dân vận\nBan Dân vận huyện ủy tổ chức hội nghị.\n' > "$A/danvan.txt"
printf 'Báo cáo abc\nTừ abc xuất hiện ở đây cùng công tác dân vận.\n' > "$A/abc.txt"
printf 'Thông báo\nHội nghị tổng kết công tác thủy lợi.\n' > "$A/thuyloi.txt"

version=$(sed -n 's/^project(tracuu VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
expect_eq "tracuu-index --version" "$("$BIN/tracuu-index" --version)" "tracuu-index $version"
expect_eq "tracuu-search --version" "$("$BIN/tracuu-search" --version)" "tracuu-search $version"

out=$("$BIN/tracuu-index" --db="$SCRATCH/db" --jobs=1 --quiet -- "$A" 2>&1); rc=$?
expect_eq "index with --db=DIR --jobs=1 --: exit" "$rc" 0

# "--limit=5 -- -abc": every document without the word abc
expect_eq "--limit=5 -- -abc" "$(search_names --limit=5 -- -abc | tr ' ' '\n' | sort | tr '\n' ' ')" "danvan.txt thuyloi.txt "
# a word after -- that looks like an option is a query word, not an option
expect_eq "-- --json is a word" "$("$BIN/tracuu-search" --db "$SCRATCH/db" -- --json >/dev/null 2>&1; echo $?)" 0
# "-word" without -- still excludes a word, as before
expect_eq "dan van -abc" "$(search_names dan van -abc)" "danvan.txt"
expect_eq "--limit=1" "$(search_names --limit=1 dan van | wc -w)" 1
expect_eq "--offset=1 --limit 1" "$(search_names --offset=1 --limit 1 dan van | wc -w)" 1

for bad in "--limit=0 x" "--limit" "--bogus x" "--sort=size x" "--doc=abc"; do
  # shellcheck disable=SC2086
  err=$("$BIN/tracuu-search" --db "$SCRATCH/db" $bad 2>&1 >/dev/null); rc=$?
  expect_eq "tracuu-search $bad: exit" "$rc" 2
  expect_contains "tracuu-search $bad: message names the option" "$err" "${bad%%[= ]*}"
done
for bad in "--jobs=0 $A" "--db" "--bogus $A" "--max-size=big $A"; do
  # shellcheck disable=SC2086
  err=$("$BIN/tracuu-index" $bad 2>&1 >/dev/null); rc=$?
  expect_eq "tracuu-index $bad: exit" "$rc" 2
  expect_contains "tracuu-index $bad: message names the option" "$err" "${bad%%[= ]*}"
done
finish
