#!/usr/bin/env bash
# Incremental runs (touch, edit, delete, add), bad files named and skipped,
# and a kill -9 in the middle of a run leaving an openable database.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
B="$SCRATCH/other"
mkdir -p "$A/sub" "$B"
printf 'Báo cáo một\nNội dung về công tác dân vận ở thôn Một.\n' > "$A/mot.txt"
printf 'Báo cáo hai\nNội dung về phong trào thi đua ở thôn Hai, chữ duynhatcu.\n' > "$A/hai.txt"
printf 'Báo cáo ba\nNội dung về mô hình tự quản ở thôn Ba.\n' > "$A/sub/ba.txt"
printf 'Tài liệu khác\nMột thư mục khác, chữ rieng.\n' > "$B/khac.txt"
idx() { "$BIN/tracuu-index" "$@" 2>&1; }

out=$(idx "$A"); expect_eq "first run" "$?" 0
expect_contains "first run counts" "$out" "indexed 3, unchanged 0, removed 0, failed 0"
out=$(idx "$B"); expect_contains "second root" "$out" "indexed 1, unchanged 0, removed 0"
out=$(idx "$A"); expect_eq "re-run exit" "$?" 0
expect_contains "re-run skips all" "$out" "indexed 0, unchanged 3, removed 0, failed 0"
touch -d '2001-01-01' "$A/mot.txt"
out=$(idx "$A"); expect_contains "touched file: same content" "$out" "indexed 0, unchanged 3, removed 0"
printf 'Báo cáo hai\nNội dung mới, chữ duynhatmoi.\n' > "$A/hai.txt"
out=$(idx "$A"); expect_contains "edited file replaced" "$out" "indexed 1, unchanged 2, removed 0"
expect_eq "new word found" "$(search_names duynhatmoi)" "hai.txt"
expect_eq "old word gone" "$(search_names duynhatcu)" ""
rm "$A/sub/ba.txt"
out=$(idx "$A"); expect_contains "deleted file removed" "$out" "indexed 0, unchanged 2, removed 1"
expect_eq "deleted file not found" "$(search_names tu quan)" ""
expect_eq "other root kept" "$(search_names rieng)" "khac.txt"
out=$(idx --force "$A"); expect_contains "--force re-indexes" "$out" "indexed 2, unchanged 0, removed 0"

# bad files: named once on stderr, the rest indexed; an empty file is
# skipped and bad bytes replaced (both reported), so the exit is 0
: > "$A/rong.txt"
printf 'Văn bản lỗi mã hoá\nPhần đầu hợp lệ chữ hople \xff\xfe\xc3 rồi tiếp tục chữ tieptuc.\n' > "$A/loi.txt"
out=$(idx "$A"); rc=$?
expect_eq "bad files exit" "$rc" 0
expect_eq "empty file named once" "$(grep -c 'rong.txt' <<<"$out")" 1
expect_contains "empty file reason" "$out" "rong.txt: empty"
expect_eq "invalid UTF-8 named once" "$(grep -c 'loi.txt' <<<"$out")" 1
expect_contains "invalid UTF-8 reported" "$out" "loi.txt"
expect_eq "valid part searchable (before)" "$(search_names hople)" "loi.txt"
expect_eq "valid part searchable (after)" "$(search_names tieptuc)" "loi.txt"
if [ "$(id -u)" -ne 0 ]; then
  printf 'bí mật\n' > "$A/khoa.txt"; chmod 000 "$A/khoa.txt"
  out=$(idx "$A"); expect_eq "unreadable exit" "$?" 1
  expect_contains "unreadable named" "$out" "khoa.txt"
  chmod 644 "$A/khoa.txt"
fi
out=$(idx "$SCRATCH/no-such-folder"); expect_eq "missing path exit" "$?" 1
expect_contains "missing path named" "$out" "no-such-folder"
out=$(idx); expect_eq "no path: usage" "$?" 2
out=$(idx --bogus "$A"); expect_eq "bad option: usage" "$?" 2

# kill -9 in the middle of a run, then run again
K="$SCRATCH/many"
python3 - "$K" <<'PY'
import os, sys, random
root = sys.argv[1]
random.seed(7)
words = "dân vận khéo nghị quyết chỉ thị kết luận báo cáo huyện ủy tỉnh ủy xã thôn mô hình phong trào thi đua công tác cán bộ đảng viên nhân dân".split()
for i in range(3000):
    d = os.path.join(root, "d%02d" % (i % 30))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%05d.txt" % i), "w") as f:
        f.write("Báo cáo số %d chungchung\n" % i)
        f.write(" ".join(random.choice(words) for _ in range(600)) + ".\n")
PY
export TRACUU_DB="$SCRATCH/killdb"
"$BIN/tracuu-index" --jobs 2 "$K" >/dev/null 2>&1 &
pid=$!
total=0
for _ in $(seq 1 600); do
  total=$("$BIN/tracuu-search" --json chungchung 2>/dev/null |
          python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0)
  [ "${total:-0}" -gt 0 ] && break
  sleep 0.05
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
echo "killed after $total documents were committed"
out=$("$BIN/tracuu-search" --json chungchung 2>&1); expect_eq "openable after kill -9" "$?" 0
out=$("$BIN/tracuu-index" "$K" 2>&1); expect_eq "re-run after kill -9" "$?" 0
re='indexed ([0-9]+), unchanged ([0-9]+),'
if [[ $out =~ $re ]]; then
  expect_eq "re-run indexes the rest" "$((BASH_REMATCH[1] + BASH_REMATCH[2]))" 3000
  [ "${BASH_REMATCH[2]}" -ge "$total" ] && ok || fail "committed documents lost: $out"
else
  fail "re-run summary: $out"
fi
total=$("$BIN/tracuu-search" --json chungchung | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
expect_eq "every file indexed once" "$total" 3000

# --progress on a terminal: a live line with files, MB, rate and ETA
if command -v script >/dev/null; then
  prog=$(TRACUU_DB="$SCRATCH/progdb" script -qc "$BIN/tracuu-index --progress $K" /dev/null)
  expect_contains "progress: files" "$prog" "/3000 files"
  expect_contains "progress: rate" "$prog" "MB/s, ETA"
  expect_contains "progress: line redrawn" "$prog" $'\r'
  expect_contains "progress: summary" "$prog" "indexed 3000, unchanged 0"
fi
out=$(TRACUU_DB="$SCRATCH/progdb" "$BIN/tracuu-index" --progress "$A" 2>&1 >/dev/null)
expect_not_contains "no progress escapes off a terminal" "$out" $'\033['

# SIGTERM: stop taking work, commit what is done, say so, exit 3 (run again)
export TRACUU_DB="$SCRATCH/termdb"
"$BIN/tracuu-index" --jobs 2 "$K" >"$SCRATCH/term.out" 2>&1 &
pid=$!
sleep 1
kill -TERM $pid 2>/dev/null
wait $pid; rc=$?
out=$(cat "$SCRATCH/term.out")
if [[ $out == *interrupted* ]]; then
  expect_eq "TERM: exit 3" "$rc" 3
  re='indexed ([0-9]+),'
  [[ $out =~ $re ]] && n=${BASH_REMATCH[1]} || n=-1
  total=$("$BIN/tracuu-search" --json chungchung | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  expect_eq "TERM: everything reported indexed is committed" "$total" "$n"
else
  echo "note: the run finished before TERM arrived: $out"
fi
finish
