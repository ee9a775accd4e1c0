#!/usr/bin/env bash
# The core: index a small archive and assert exact results for diacritic-
# insensitive search, exact-accent ranking, phrases, NOT, fields, JSON,
# malformed queries.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
mkdir -p "$A/sub"
printf 'Mô hình Dân vận khéo ở xã Ea Tân\nĐảng ủy xã lãnh đạo thực hiện tốt công tác dân vận.\n' > "$A/kheo.txt"
printf 'Báo cáo của Huyện ủy Lâm Hà\nHuyện ủy Lâm Hà tổ chức hội nghị sơ kết.\n' > "$A/lamha.txt"
printf 'Thông báo của Huyện uỷ Krông Pa\nHuyện uỷ Krông Pa họp bàn về công tác thuỷ lợi.\n' > "$A/sub/krongpa.txt"
# NFD text: must be found by NFC queries
python3 -c 'import unicodedata,sys; sys.stdout.write(unicodedata.normalize("NFD", "Đề án cải cách hành chính giai đoạn mới\nĐẩy mạnh cải cách hành chính ở cấp xã.\n"))' > "$A/nfd.txt"
# the same words scattered: no phrase match
printf 'Văn bản rời rạc\nCải tiến lề lối. Cách làm mới; hành động nhanh, chính quyền gần dân.\n' > "$A/scattered.txt"
# a hard-wrapped line: the phrase goes on across the line break
printf 'Tờ trình\nĐẩy mạnh cải cách\nhành chính ở huyện.\nCải cách\nHành chính là tên riêng.\n' > "$A/wrapped.txt"
# a word in the title outranks the same word twice in a body
printf 'Công tác Mặt trận năm 2023\nHội nghị tổng kết được tổ chức tại hội trường xã với nhiều đại biểu tham dự.\n' > "$A/title-rank.txt"
printf 'Thông báo\nHội nghị nói về mặt trận, mặt trận và các đoàn thể ở xã.\n' > "$A/body-rank.txt"
printf 'Chợ phiên\nNgười dân bán hàng nông sản tại chợ phiên mỗi tuần một lần vào sáng chủ nhật.\n' > "$A/ban-sell.txt"
printf 'Đồ gỗ\nBàn ghế, bàn học, bàn làm việc: bàn nào cũng đẹp.\n' > "$A/ban-table.txt"

out=$("$BIN/tracuu-index" "$A" 2>&1); rc=$?
expect_eq "first index exit" "$rc" 0
expect_contains "summary" "$out" "indexed 10, unchanged 0, removed 0, failed 0"

expect_eq "dan van kheo" "$(search_names dan van kheo)" "kheo.txt"
expect_eq "DÂN VẬN KHÉO" "$(search_names 'DÂN VẬN KHÉO')" "kheo.txt"
expect_eq "dang uy" "$(search_names dang uy)" "kheo.txt"
got=$(search_names huyen uy | tr ' ' '\n' | sort | tr '\n' ' ')
expect_eq "huyen uy finds both spellings" "$got" "krongpa.txt lamha.txt "
got=$(search_names 'huyện ủy' | tr ' ' '\n' | sort | tr '\n' ' ')
expect_eq "huyện ủy finds uỷ too" "$got" "krongpa.txt lamha.txt "
expect_contains "NFD document, NFC query" "$(search_names 'cải cách hành chính')" "nfd.txt"
expect_eq "NFD document, NFC title" "$(search_names 'title:"đề án cải cách"')" "nfd.txt"
got=$(search_names '"cai cach hanh chinh"' | tr ' ' '\n' | sort | tr '\n' ' ')
expect_eq "phrase: not across scattered words, across a wrapped line" "$got" "nfd.txt wrapped.txt "
expect_eq "phrase: not across a capitalised new line" "$(search_names '"cai cach hanh chinh la"')" ""
got=$(search_names cai cach hanh chinh | tr ' ' '\n' | sort | tr '\n' ' ')
expect_eq "words anywhere" "$got" "nfd.txt scattered.txt wrapped.txt "
expect_eq "phrase ranks first" "$(search_names cai cach hanh chinh | cut -d' ' -f3)" "scattered.txt"
expect_eq "NOT excludes" "$(search_names huyen uy NOT lam)" "krongpa.txt"
expect_eq "-word excludes" "$(search_names huyen uy -krong)" "lamha.txt"
expect_eq "OR" "$(search_names 'kheo OR krong' | tr ' ' '\n' | sort | tr '\n' ' ')" "kheo.txt krongpa.txt "
expect_eq "parentheses" "$(search_names '(kheo OR krong) -pa')" "kheo.txt"
# every "ban" form matches (bán, bàn, bản); the typed form ranks first
got=$(search_names bán)
expect_eq "bán matches every accent" "$(echo $got | tr ' ' '\n' | sort | tr '\n' ' ')" \
  "ban-sell.txt ban-table.txt krongpa.txt scattered.txt "
expect_eq "exact accent ranks first: bán" "$(echo $got | cut -d' ' -f1)" "ban-sell.txt"
got=$(search_names bàn)
expect_eq "exact accent ranks first: bàn" \
  "$(echo $got | cut -d' ' -f1-2 | tr ' ' '\n' | sort | tr '\n' ' ')" "ban-table.txt krongpa.txt "
expect_eq "unaccented ban: no boost" "$(search_names ban | wc -w)" "4"
expect_eq "title: field" "$(search_names title:krong)" "krongpa.txt"
expect_eq "title: only titles" "$(search_names title:hoi)" ""
expect_eq "thuỷ = thủy" "$(search_names 'thủy lợi')" "krongpa.txt"
expect_eq "thumuc: folder name" "$(search_names 'huyen uy thumuc:sub')" "krongpa.txt"
expect_eq "thumuc: absolute path" "$(search_names "huyen uy thumuc:$A/sub/")" "krongpa.txt"
expect_eq "thumuc: the root holds all" "$(search_names "thumuc:$A" | wc -w)" 10
expect_eq "title words rank first" "$(search_names mat tran)" "title-rank.txt body-rank.txt"
expect_eq "mahoa: encoding field" "$(search_names 'mahoa:utf-8' | wc -w)" 10
expect_eq "dinhdang: format field" "$(search_names 'dinhdang:pdf' | wc -w)" 0
expect_eq "thumuc: no such folder" "$(search_names 'thumuc:khong-co')" ""
err=$("$BIN/tracuu-search" 'thumuc:rel/ative' 2>&1); expect_eq "thumuc: relative path" "$?" 2
expect_contains "thumuc: message" "$err" "absolute folder path"

# JSON contract
json=$("$BIN/tracuu-search" --json dan van kheo)
python3 - "$json" <<'PY' || fail "JSON contract"
import json, sys
d = json.loads(sys.argv[1])
assert set(["query", "total", "offset", "suggestion", "results"]) <= set(d), d.keys()
assert d["query"] == "dan van kheo" and d["total"] == 1 and d["offset"] == 0
assert d["suggestion"] == "dân vận khéo", d["suggestion"]
r = d["results"][0]
for k in ["rank", "docid", "path", "title", "date", "score", "snippet", "refs", "models"]:
    assert k in r, k
assert r["rank"] == 1 and isinstance(r["docid"], int) and r["path"].startswith("/")
assert r["title"] == "Mô hình Dân vận khéo ở xã Ea Tân", r["title"]
assert isinstance(r["score"], float) and isinstance(r["refs"], list)
hl = [r["snippet"].encode()[a:a+b].decode() for a, b in r["highlights"]]
assert hl[:3] == ["Dân", "vận", "khéo"], hl
PY
ok
expect_eq "accented query: no suggestion" \
  "$("$BIN/tracuu-search" --json 'dân vận' | python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"])')" "None"
expect_eq "limit/offset" "$(search_names --limit 1 --offset 1 huyen uy | wc -w)" "1"

# one document: --doc DOCID, with the query's words highlighted
id=$("$BIN/tracuu-search" --json dan van kheo | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["docid"])')
doc=$("$BIN/tracuu-search" --doc "$id" --json dan van kheo)
python3 - "$doc" <<'PY' || fail "--doc JSON"
import json, sys
d = json.loads(sys.argv[1])
assert d["path"].endswith("kheo.txt") and d["title"] == "Mô hình Dân vận khéo ở xã Ea Tân", d
hl = [d["text"].encode()[a:a+b].decode() for a, b in d["highlights"]]
assert hl == ["Dân", "vận", "khéo", "dân", "vận"], hl
PY
ok
expect_contains "--doc on the terminal" "$("$BIN/tracuu-search" --doc "$id")" "Tệp: $A/kheo.txt"
"$BIN/tracuu-search" --doc 999999 >/dev/null 2>&1; expect_eq "--doc: no such document" "$?" 1
"$BIN/tracuu-search" --doc abc >/dev/null 2>&1; expect_eq "--doc: bad id" "$?" 2

# terminal output: plain when piped, bold on a terminal
plain=$("$BIN/tracuu-search" dan van kheo)
expect_contains "plain output" "$plain" "1. Mô hình Dân vận khéo ở xã Ea Tân"
expect_not_contains "no escapes when piped" "$plain" $'\033['
if command -v script >/dev/null; then
  tty=$(script -qc "$BIN/tracuu-search dan van kheo" /dev/null)
  expect_contains "bold on a terminal" "$tty" $'\033[1mDân\033[0m'
fi

# malformed queries: exit 2 and a message, never a crash
for q in '"dan van' '(dan' 'dan)' 'AND dan' 'dan OR' 'NOT' 'ngay:2021-13-01..2022' 'nam:abc' 'title:'; do
  err=$("$BIN/tracuu-search" "$q" 2>&1 >/dev/null); rc=$?
  expect_eq "exit code for [$q]" "$rc" 2
  expect_contains "message for [$q]" "$err" "tracuu-search: "
done
err=$("$BIN/tracuu-search" --limit x dan 2>&1); expect_eq "bad --limit" "$?" 2
err=$("$BIN/tracuu-search" --db "$SCRATCH/nonexistent" dan 2>&1); rc=$?
expect_eq "missing db exit" "$rc" 1
expect_contains "missing db message" "$err" "$SCRATCH/nonexistent"
finish
