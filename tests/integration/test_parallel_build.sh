#!/usr/bin/env bash
# A first build on several writers (--writers, indexer/build.c) gives the
# same database as one writer, and one writer the same whatever its number
# of worker threads: the same documents in path order, the same
# terms and frequencies, the same knowledge (citations with their year,
# model names with their counts, synonyms), the same answers; the part
# databases are gone afterwards, also when each writer made many parts
# (TRACUU_PART_FILES), merged in the files' order (part-1-2 before
# part-1-10).  An interrupted build keeps what it had committed: parts left
# by a crash or kill -9 are merged by the next run, also a crash between
# the merge and putting it in place; more parts than a build makes are
# named and kept.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
python3 "$SRC/bench/gen_corpus.py" 150 "$A" >/dev/null || { echo "gen_corpus failed"; exit 1; }
# a zip with members: one file, several documents, all in one part
mkdir -p "$SCRATCH/z"
printf 'Báo cáo thành viên\nMô hình "Dân vận khéo" ở thôn Zeta, chữ thanhvienzip.\n' > "$SCRATCH/z/a.txt"
printf 'Kế hoạch thành viên\nTriển khai Nghị quyết số 25-NQ/TW năm 2019, chữ thanhvienhai.\n' > "$SCRATCH/z/b.txt"
(cd "$SCRATCH/z" && zip -q "$A/001/goi.zip" a.txt b.txt)
idx() { "$BIN/tracuu-index" "$@" 2>&1; }
S="$SCRATCH/serial.db" P2="$SCRATCH/p2.db" P3="$SCRATCH/p3.db"

# one writer: documents numbered in path order whatever the workers' timing
out=$(idx --writers=1 --jobs=3 --db "$S" "$A"); expect_eq "serial exit" "$?" 0
out=$(idx --writers=2 --db "$P2" "$A"); expect_eq "2 writers exit" "$?" 0
expect_contains "2 writers counts" "$out" "indexed 153, unchanged 0, removed 0, failed 0"
out=$(idx --writers=3 --jobs=3 --db "$P3" "$A"); expect_eq "3 writers exit" "$?" 0
expect_eq "parts removed (2)" "$(ls -A "$P2" | grep -c build)" 0
expect_eq "parts removed (3)" "$(ls -A "$P3" | grep -c build)" 0

# the same database: terms with their frequencies, then document by document
# in docid order (the path, hence path order), then knowledge and answers
dump() {  # DB: every term with its frequency, and each document's path
  xapian-delve -a -v "$1" | md5sum
  local n; n=$(xapian-delve "$1" | sed -n 's/^number of documents = //p')
  for i in $(seq 1 "$n"); do xapian-delve -r "$i" -V8 "$1" 2>/dev/null | sed -n '1p'; done | md5sum
}
same_as_serial() {  # NAME DB
  expect_eq "$1: terms and documents" "$(dump "$2")" "$(dump "$S")"
  for opt in --refs --models --synonyms; do
    expect_eq "$1: $opt" "$("$BIN/tracuu-search" --db "$2" --json "$opt" | md5sum)" \
      "$("$BIN/tracuu-search" --db "$S" --json "$opt" | md5sum)"
  done
  for q in "dan van kheo" "Dân vận khéo" "so:25-NQ/TW" "cong tac dan vna" "phat trien*" \
           "mohinh:\"Dân vận khéo\"" thanhvienzip; do
    expect_eq "$1: results of $q" "$(TRACUU_DB="$2" search_names "$q")" \
      "$(TRACUU_DB="$S" search_names "$q")"
  done
}
expect_eq "one writer, 1 worker = 3 workers" "$(idx --writers=1 --jobs=1 --db "$SCRATCH/s1.db" "$A" >/dev/null; dump "$SCRATCH/s1.db")" "$(dump "$S")"
same_as_serial "2 writers" "$P2"
same_as_serial "3 writers" "$P3"

# each writer closes its part and starts the next every N files: 153 files
# on 2 writers in parts of 7 make 11 or 12 parts each (part-1-10 sorts
# after part-1-9); in parts of 1 they would be 153, more than the 64 the
# merge takes, so the writers make bigger parts
for n in 7 1; do
  out=$(TRACUU_PART_FILES=$n idx --writers=2 --db "$SCRATCH/seg$n.db" "$A")
  expect_eq "parts of $n: exit" "$?" 0
  expect_contains "parts of $n: counts" "$out" "indexed 153, unchanged 0, removed 0, failed 0"
  expect_eq "parts of $n: parts removed" "$(ls -A "$SCRATCH/seg$n.db" | grep -c build)" 0
  same_as_serial "parts of $n" "$SCRATCH/seg$n.db"
done
out=$(TRACUU_PART_FILES=many idx --writers=2 --db "$SCRATCH/segx.db" "$A")
expect_eq "TRACUU_PART_FILES=many: exit" "$?" 0
expect_contains "TRACUU_PART_FILES=many named" "$out" "TRACUU_PART_FILES=many: not a number"
same_as_serial "TRACUU_PART_FILES=many" "$SCRATCH/segx.db"
expect_eq "zip members found" "$(TRACUU_DB="$P2" search_names thanhvienhai)" "goi.zip#b.txt"
doc=$(xapian-delve "$P2" | sed -n 's/^number of documents = //p')
expect_eq "every document" "$doc" 153

# an incremental run over a merged build works as over any database
printf 'Báo cáo mới\nNội dung mới, chữ sauhopnhat.\n' > "$A/000/moi.txt"
out=$(idx --db "$P2" "$A"); expect_contains "incremental after a merge" "$out" \
  "indexed 1, unchanged 151, removed 0, failed 0"
expect_eq "new file found" "$(TRACUU_DB="$P2" search_names sauhopnhat)" "moi.txt"
rm "$A/000/moi.txt"

# a database that has documents is written in place, never rebuilt
out=$(idx --writers=2 --db "$P2" "$A"); expect_contains "not empty: in place" "$out" \
  "indexed 0, unchanged 151, removed 1"

# a crash after the parts were committed: the next run merges them first,
# in the files' order: part-1 before part-2 (as an earlier version named
# them), and part-1-2 before part-1-10 (a writer that made several)
recovered_parts() {  # NAME DB PART_OF_000 PART_OF_001
  mkdir -p "$2/.build"
  idx --quiet --writers=1 --db "$2/.build/$3" "$A/000" >/dev/null
  idx --quiet --writers=1 --db "$2/.build/$4" "$A/001" >/dev/null
  out=$(idx --db "$2" "$A"); expect_eq "$1: exit" "$?" 0
  expect_contains "$1: recovery said" "$out" "earlier first build was interrupted"
  expect_contains "$1: parts not re-read" "$out" "indexed 0, unchanged 151, removed 0, failed 0"
  expect_eq "$1: no parts left" "$(ls -A "$2" | grep -c build)" 0
  expect_eq "$1: every document" \
    "$(xapian-delve "$2" | sed -n 's/^number of documents = //p')" 153
  expect_eq "$1: in the files' order" \
    "$(xapian-delve -r 1 -V8 "$2" | sed -n 1p | grep -c "/000/")" 1
}
recovered_parts "recovered part-W" "$SCRATCH/crash.db" part-1 part-2
recovered_parts "recovered part-W-S" "$SCRATCH/crash2.db" part-1-2 part-1-10

# more parts than a first build ever makes (65: by hand, say): named,
# not merged, nothing lost
X="$SCRATCH/many.db"
mkdir -p "$X/.build"
idx --quiet --writers=1 --db "$SCRATCH/onepart.db" "$A/000" >/dev/null
for i in $(seq 1 65); do cp -r "$SCRATCH/onepart.db" "$X/.build/part-1-$i"; done
out=$(idx --db "$X" "$A"); rc=$?
if [ "$rc" -ne 0 ]; then ok; else fail "65 parts: exit 0"; fi
expect_contains "65 parts named" "$out" "more than 64 part databases; not merged"
expect_eq "65 parts kept" "$(ls -d "$X"/.build/part-* | wc -l)" 65

# a crash after the merge, before it was put in place (merged.ok written)
M="$SCRATCH/merged.db"
mkdir -p "$M/.build"
idx --quiet --writers=1 --db "$SCRATCH/whole" "$A" >/dev/null
xapian-compact "$SCRATCH/whole" "$M/.build/merged" >/dev/null
ls "$M/.build/merged" | grep -v flintlock > "$M/.build/merged.ok"
mv "$M/.build/merged/postlist.glass" "$M/"   # one file had been moved already
out=$(idx --db "$M" "$A"); expect_eq "finished swap exit" "$?" 0
expect_contains "finished swap said" "$out" "merged but did not put in place"
expect_contains "finished swap: all there" "$out" "indexed 0, unchanged 151"
expect_eq "finished swap: answers" "$(TRACUU_DB="$M" search_names thanhvienzip)" "goi.zip#a.txt"

# SIGINT during a parallel build: what was committed is merged, exit 3,
# and the next run finishes
I="$SCRATCH/int.db"
big="$SCRATCH/big"
python3 "$SRC/bench/gen_corpus.py" 800 "$big" >/dev/null
"$BIN/tracuu-index" --writers=2 --commit-interval=1 --db "$I" "$big" >"$SCRATCH/int.out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  [ -d "$I/.build/part-2-1" ] && [ -n "$(ls "$I/.build/part-2-1" 2>/dev/null)" ] && break
  sleep 0.1
done
sleep 2
kill -INT $pid
wait $pid; rc=$?
if [ $rc -eq 3 ]; then
  ok
  n=$(xapian-delve "$I" | sed -n 's/^number of documents = //p')
  if [ "${n:-0}" -gt 0 ] && [ "$n" -lt 800 ]; then ok; else fail "interrupted build kept $n documents"; fi
  expect_eq "interrupted: no parts left" "$(ls -A "$I" | grep -c build)" 0
  out=$(idx --db "$I" "$big"); expect_eq "after interrupt exit" "$?" 0
  expect_eq "after interrupt: all" \
    "$(xapian-delve "$I" | sed -n 's/^number of documents = //p')" 800
else
  # it finished before the signal (a very fast machine): still whole
  expect_eq "uninterrupted build exit" "$rc" 0
  expect_eq "uninterrupted: all" \
    "$(xapian-delve "$I" | sed -n 's/^number of documents = //p')" 800
fi

# kill -9 while the writers fill parts of 100 files: the next run merges
# every part committed (closed ones and the open ones' batches) and
# indexes the rest; the database then answers as a serial build of the
# same archive does
K="$SCRATCH/kill.db"
TRACUU_PART_FILES=100 "$BIN/tracuu-index" --quiet --writers=2 --commit-interval=1 \
  --db "$K" "$big" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  [ -d "$K/.build/part-1-2" ] && [ -n "$(ls "$K/.build/part-1-2" 2>/dev/null)" ] && break
  sleep 0.1
done
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
expect_eq "killed with parts left" "$(ls -d "$K"/.build/part-* 2>/dev/null | wc -l | awk '$1 >= 3 {print "yes"}')" yes
out=$(idx --db "$K" "$big"); expect_eq "after kill -9: exit" "$?" 0
expect_eq "after kill -9: no parts left" "$(ls -A "$K" | grep -c build)" 0
expect_eq "after kill -9: all" "$(xapian-delve "$K" | sed -n 's/^number of documents = //p')" 800
idx --quiet --writers=1 --db "$SCRATCH/bigserial.db" "$big" >/dev/null
for q in "dan van kheo" "so:25-NQ/TW" "huyen uy"; do
  # every match (numbered otherwise, equal scores may come in another order)
  expect_eq "after kill -9: matches of $q" \
    "$(TRACUU_DB="$K" search_names --limit 1000 "$q" | tr ' ' '\n' | sort)" \
    "$(TRACUU_DB="$SCRATCH/bigserial.db" search_names --limit 1000 "$q" | tr ' ' '\n' | sort)"
done

# bad values are refused, naming the option
out=$(idx --writers=0 --db "$SCRATCH/x.db" "$A"); expect_eq "--writers=0" "$?" 2
expect_contains "--writers=0 named" "$out" "--writers"
out=$(idx --writers=9 --db "$SCRATCH/x.db" "$A"); expect_eq "--writers=9" "$?" 2
finish
