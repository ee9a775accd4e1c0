#!/usr/bin/env bash
# tracuu-index --watch: files and folders created, changed, renamed, moved
# in and out, deleted while it runs are indexed within seconds; killed
# (-9) and restarted, it catches up on what changed while it was down; the
# index always ends equal to a fresh --force run; a second watcher is
# refused; SIGTERM stops it with status 0.
source "$(dirname "$0")/lib.sh" "$@"
command -v python3 >/dev/null || { echo "SKIP: python3"; exit 77; }
A="$SCRATCH/archive"; OUT="$SCRATCH/outside"
mkdir -p "$A/sub" "$OUT/later"
w() { printf '%s\n%s\n' "$2" "$3" > "$1"; }
w "$A/mot.txt" "Báo cáo một" "Nội dung về công tác dân vận, chữ motmot."
w "$A/sub/hai.txt" "Báo cáo hai" "Phong trào thi đua, chữ haihai."
w "$OUT/later/ngoai.txt" "Văn bản ngoài" "Đưa vào sau, chữ ngoaingoai."
printf 'db = %s\nroot = %s\nwatch_delay_ms = 150\njobs = 2\nexclude = *.tmp\n' \
  "$SCRATCH/db" "$A" > "$SCRATCH/tracuu.conf"
export TRACUU_CONF="$SCRATCH/tracuu.conf"
unset TRACUU_DB

# every document of DB as "path | title | snippet", sorted (docids differ)
dump() {
  local page=1 all=""
  while :; do
    local got
    got=$(TRACUU_DB=$1 REQUEST_METHOD=GET QUERY_STRING="format=json&page=$page" \
          "$BIN/tracuu.cgi" | sed '1,/^\r\{0,1\}$/d' |
          python3 -c 'import json,sys
for r in json.load(sys.stdin)["results"]: print(r["path"], "|", r["title"], "|", r["snippet"])')
    [ -n "$got" ] || break
    all+="$got"$'\n'; page=$((page + 1))
    [ "$(wc -l <<<"$got")" -ge 10 ] || break   # a page holds 10
  done
  printf '%s' "$all" | sort
}
fresh() {
  rm -rf "$SCRATCH/fresh"
  "$BIN/tracuu-index" --quiet --force --db "$SCRATCH/fresh" "$A" >/dev/null 2>&1
  dump "$SCRATCH/fresh"
}
# settle LABEL: wait (up to 60 s: a loaded machine) until the watched
# index equals a fresh one
settle() {
  local want got t0
  want=$(fresh)
  t0=$SECONDS
  while :; do
    got=$(dump "$SCRATCH/db")
    [ "$got" == "$want" ] && { ok; echo "$1: equal after $((SECONDS - t0)) s"; return; }
    [ $((SECONDS - t0)) -ge 60 ] && { fail "$1: index differs from a fresh run:"$'\n'"$(diff <(echo "$want") <(echo "$got"))"; return; }
    sleep 0.3
  done
}
start_watch() {
  "$BIN/tracuu-index" --watch 2>>"$SCRATCH/watch.log" & WATCH=$!
  for _ in $(seq 100); do
    grep -q 'watching for changes' "$SCRATCH/watch.log" 2>/dev/null && return
    sleep 0.1
  done
  fail "watcher did not start: $(cat "$SCRATCH/watch.log")"
}
trap 'kill -9 $WATCH 2>/dev/null' EXIT

start_watch
expect_contains "start: full pass" "$(cat "$SCRATCH/watch.log")" "indexed 2, unchanged 0, removed 0, failed 0"
settle "start"

# a second watcher on the same database is refused
out=$("$BIN/tracuu-index" --watch 2>&1); expect_eq "second watcher: exit" "$?" 4
expect_contains "second watcher: says who" "$out" "in use by tracuu-index (pid $WATCH)"

w "$A/ba.txt" "Báo cáo ba" "Mô hình tự quản, chữ baba."                    # create
w "$A/mot.txt" "Báo cáo một (sửa)" "Nội dung mới, chữ motmoi."             # change
mkdir -p "$A/moi/sau"; w "$A/moi/sau/bon.txt" "Báo cáo bốn" "Chữ bonbon."   # new tree
mkdir -p "$A/xoa/con"; w "$A/xoa/con/xoa.txt" "Xóa" "Chữ xoaxoa."           # another
w "$A/nhap.tmp" "Nháp" "Chữ nhapnhap."                                      # excluded
settle "create, change, new folders"
expect_eq "new deep file found" "$(search_names bonbon)" "bon.txt"
expect_eq "excluded not indexed" "$(search_names nhapnhap)" ""

mv "$A/ba.txt" "$A/sub/ba-doi-ten.txt"                                      # rename file
mv "$A/moi" "$A/cu"                                                         # rename folder
w "$A/cu/sau/nam.txt" "Báo cáo năm" "Chữ namnam."                           # inside the renamed folder
mv "$A/sub" "$OUT/sub-ra"                                                   # folder moved out
mv "$OUT/later" "$A/vao"                                                    # folder moved in
w "$OUT/sub-ra/khong.txt" "Không" "Chữ khongkhong."                         # outside now: not seen
w "$A/vao/them.txt" "Thêm" "Chữ themthem."                                  # the moved-in folder is watched
rm "$A/mot.txt"                                                             # delete file
rm -rf "$A/xoa"                                                             # delete folder
settle "renames, moves out and in, deletes"
expect_eq "file in renamed folder found" "$(search_names namnam)" "nam.txt"
expect_eq "moved-in file found" "$(search_names ngoaingoai)" "ngoai.txt"
expect_eq "moved-out folder gone" "$(search_names haihai)" ""
expect_eq "deleted file gone" "$(search_names motmoi)" ""
expect_eq "deleted folder gone" "$(search_names xoaxoa)" ""
expect_eq "file in moved-in folder found" "$(search_names themthem)" "them.txt"

# killed hard, changed meanwhile, restarted: the first pass catches up
kill -9 $WATCH; wait $WATCH 2>/dev/null
w "$A/vao/sau-khi-chet.txt" "Sau" "Chữ saukhichet."
rm "$A/vao/ngoai.txt"
mkdir "$A/trong-luc-chet"; w "$A/trong-luc-chet/x.txt" "X" "Chữ xxxx."
: > "$SCRATCH/watch.log"
start_watch
w "$A/trong-luc-chet/y.txt" "Y" "Chữ yyyy."                                # and after the restart
settle "restart after kill -9"
expect_eq "change while down found" "$(search_names saukhichet)" "sau-khi-chet.txt"
expect_eq "change after restart found" "$(search_names yyyy)" "y.txt"

kill -TERM $WATCH; wait $WATCH; expect_eq "SIGTERM: exit 0" "$?" 0
expect_contains "says it stopped" "$(cat "$SCRATCH/watch.log")" "--watch stopped"
finish
