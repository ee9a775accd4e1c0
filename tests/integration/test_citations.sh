#!/usr/bin/env bash
# Issue 11: each document's own identity from its header (kyhieu:, loai:,
# coquan:, own vs cited facets), who cites whom (trichdan:, "được dẫn chiếu
# bởi", links from each citation in --doc, JSON and the page, --refs
# in_archive), code labels, --synonyms with marks, one display name per
# model.
source "$(dirname "$0")/lib.sh" "$@"
D="$SCRATCH/kho"
mkdir -p "$D"
cat >"$D/a_baocao.txt" <<'EOT'
     ĐẢNG BỘ TỈNH LÂM ĐỒNG                       ĐẢNG CỘNG SẢN VIỆT NAM
       HUYỆN ỦY LÂM HÀ
               *
         Số 12-BC/HU                    Lâm Hà, ngày 21 tháng 12 năm 2023

                                  BÁO CÁO
            kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2023

      Thực hiện Kế hoạch số 45-KH/HU, ngày 10/02/2023 của Ban Thường vụ Huyện
ủy và Nghị quyết số 25-NQ/TW, các cấp ủy đã xây dựng 124 mô hình “Dân vận
khéo”, mô hình nuôi bò sinh sản luân chuyển giúp hộ nghèo tại xã Phúc Thọ.
                                                   T/M BAN THƯỜNG VỤ
                                                     PHÓ BÍ THƯ
                                                   Nguyễn Văn Hùng
EOT
cat >"$D/b_kehoach.txt" <<'EOT'
ĐẢNG BỘ TỈNH LÂM ĐỒNG
HUYỆN ỦY LÂM HÀ
*
Số 45-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Hà, ngày 10 tháng 02 năm 2023
KẾ HOẠCH
đẩy mạnh phong trào thi đua “Dân vận khéo” năm 2023
-----
Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013; nhân rộng các mô hình “DÂN VẬN KHÉO”.
EOT
cat >"$D/c_quyetdinh.txt" <<'EOT'
   ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
     HUYỆN LÂM HÀ                        Độc lập - Tự do - Hạnh phúc
  Số: 217/QĐ-UBND                   Lâm Hà, ngày 05 tháng 3 năm 2024

                               QUYẾT ĐỊNH
       Về việc khen thưởng các tập thể có mô hình “Dân vận khéo” tiêu biểu

  Căn cứ Báo cáo số 12-BC/HU ngày 21/12/2023 của Huyện ủy và Chương trình
phối hợp số 01-CTrPH/BDVHU; công nhận mô hình “Dân vận khéo” của xã Tân Hà.
EOT
cat >"$D/d_tintuc.txt" <<'EOT'
Lâm Hà đẩy mạnh phong trào thi đua Dân vận khéo
Thực hiện Kế hoạch số 45-KH/HU của Ban Thường vụ Huyện ủy, toàn huyện có 124
mô hình "Dan van kheo" được công nhận; đổi mới mô hình tăng trưởng.
EOT
"$BIN/tracuu-index" "$D" >/dev/null 2>&1
expect_eq "index" "$?" 0
S="$BIN/tracuu-search"
names() { search_names "$@" | sed 's/_[a-z]*\.txt//g; s/\.txt//g' | tr ' ' '\n' | sort | tr '\n' ' '; }
docid() { "$S" --json "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["docid"])'; }

# own number, cited numbers, so: both
expect_eq "kyhieu: the own number" "$(names kyhieu:45-KH/HU)" "b "
expect_eq "kyhieu: typed lower case" "$(names kyhieu:45-kh/hu)" "b "
expect_eq "trichdan: the citing documents" "$(names trichdan:45-KH/HU)" "a d "
expect_eq "so: own and cited" "$(names so:45-KH/HU)" "a b d "
expect_eq "trichdan: a number cited only" "$(names trichdan:25-NQ/TW)" "a b "
expect_eq "kyhieu: a number cited only" "$(names kyhieu:25-NQ/TW)" " "
# own type and issuer (loai:, coquan:) vs cited (loaitd:, coquantd:)
expect_eq "loai: own type code" "$(names loai:KH)" "b "
expect_eq "loai: own type name" "$(names 'loai:"báo cáo"')" "a "
expect_eq "coquan: own issuer heading" "$(names 'coquan:"Huyện ủy Lâm Hà"')" "a b "
expect_eq "coquan: own issuer code" "$(names coquan:UBND)" "c "
expect_eq "loaitd: a type cited" "$(names loaitd:KH)" "a d "
expect_eq "coquantd: an issuer cited" "$(names coquantd:TW)" "a b "
expect_eq "loai: no longer the cited type" "$(names loai:NQ)" " "

# facets: own and cited, each named
facets=$("$S" --json --facets dan van | python3 -c '
import json, sys
f = json.load(sys.stdin)["facets"]
g = lambda k: ",".join(sorted(x["value"] + "=" + str(x["count"]) for x in f[k]))
print(g("type")); print(g("issuer")); print(g("cited_type")); print(g("cited_issuer"))')
expect_eq "facets own vs cited" "$facets" "BC=1,KH=1,QĐ=1
HUYỆN ỦY LÂM HÀ=2,ỦY BAN NHÂN DÂN HUYỆN LÂM HÀ=1
BC=1,CTrPH=1,KH=2,NQ=2
BDVHU=1,HU=3,TW=2"

# --doc and JSON: own identity, cited_by, links
A=$(docid kyhieu:12-BC/HU)
B=$(docid kyhieu:45-KH/HU)
own=$("$S" --doc "$B" --json | python3 -c '
import json, sys
d = json.load(sys.stdin); o = d["own"]
print(o["number"], o["type"], o["type_name"], o["issuer_code"], o["issuer_name"], d["cited_by"])
print(o["issuer"], "|", o["issuer_parent"], "|", o["place"], "|", o["subject"])
print(" ".join("%s:%s" % (l["ref"], l["docid"]) for l in d["ref_links"]))')
expect_eq "--doc JSON own identity" "$own" "45-KH/HU KH Kế hoạch HU Huyện ủy 2
HUYỆN ỦY LÂM HÀ | ĐẢNG BỘ TỈNH LÂM ĐỒNG | Lâm Hà | đẩy mạnh phong trào thi đua “Dân vận khéo” năm 2023
45-KH/HU:$B 25-NQ/TW:None"
links=$("$S" --doc "$A" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["own"]["signer"], d["cited_by"])
print(" ".join("%s:%s" % (l["ref"], l["docid"]) for l in d["ref_links"]))')
expect_eq "--doc JSON links each citation" "$links" "Nguyễn Văn Hùng 1
12-BC/HU:$A 45-KH/HU:$B 25-NQ/TW:None"
term=$("$S" --doc "$A")
expect_contains "--doc terminal: cited by" "$term" "Được dẫn chiếu bởi 1 văn bản"
expect_contains "--doc terminal: link" "$term" "Dẫn chiếu: 45-KH/HU -> văn bản $B"
expect_contains "--doc terminal: not in the archive" "$term" "Dẫn chiếu: 25-NQ/TW (không có trong kho)"
expect_contains "--doc terminal: type label" "$term" "Loại văn bản: BC (Báo cáo)"
hits=$("$S" --json kyhieu:45-KH/HU | python3 -c '
import json, sys
h = json.load(sys.stdin)["results"][0]
print(h["own"]["number"], h["cited_by"], h["own"]["subject"])')
expect_eq "results JSON own and cited_by" "$hits" "45-KH/HU 2 đẩy mạnh phong trào thi đua “Dân vận khéo” năm 2023"

# --refs: in the archive or not, labels
refs=$("$S" --refs --json | python3 -c '
import json, sys
for r in sorted(json.load(sys.stdin)["refs"], key=lambda r: r["ref"]):
    print(r["ref"], r["in_archive"], r["type_name"], r["issuer_name"], r["documents"])')
expect_eq "--refs in_archive and labels" "$refs" "01-CTrPH/BDVHU None Chương trình phối hợp Ban Dân vận Huyện ủy 1
12-BC/HU $A Báo cáo Huyện ủy 2
217/QĐ-UBND $(docid kyhieu:217/QĐ-UBND) Quyết định Ủy ban nhân dân 1
25-NQ/TW None Nghị quyết Ban Chấp hành Trung ương 2
45-KH/HU $B Kế hoạch Huyện ủy 3"
expect_contains "--refs terminal labels" "$("$S" --refs)" "01-CTrPH/BDVHU  loại CTrPH (Chương trình phối hợp), cơ quan BDVHU (Ban Dân vận Huyện ủy)"
expect_contains "--refs terminal in archive" "$("$S" --refs)" "45-KH/HU  loại KH (Kế hoạch), cơ quan HU (Huyện ủy), năm 2023, có trong kho: văn bản $B"

# the page: own line, cited-by link, links from citations, labelled facets
cgi() { env -i PATH=/usr/bin:/bin REQUEST_METHOD=GET QUERY_STRING="$1" \
          TRACUU_DB="$TRACUU_DB" TRACUU_CONF=/dev/null "$BIN/tracuu.cgi"; }
page=$(cgi "doc=$B")
expect_contains "page: cited by" "$page" "Được dẫn chiếu bởi 2 văn bản</a>"
expect_contains "page: trích yếu" "$page" "<dt>Trích yếu</dt><dd>đẩy mạnh phong trào"
page=$(cgi "doc=$A")
expect_contains "page: link from a citation" "$page" "href=\"?doc=$B\" title=\"Kế hoạch – Huyện ủy – có trong kho\">45-KH/HU</a>"
expect_contains "page: a citation not in the archive" "$page" "title=\"Nghị quyết – Ban Chấp hành Trung ương – không có trong kho\">25-NQ/TW</span>"
page=$(cgi "q=dan+van")
expect_contains "page: type facet labelled" "$page" "KH <span class=\"label\">(Kế hoạch)</span>"
expect_contains "page: cited type facet" "$page" "Loại văn bản được dẫn chiếu"
expect_contains "page: cited issuer labelled" "$page" "BDVHU <span class=\"label\">(Ban Dân vận Huyện ủy)</span>"
expect_contains "page: own line" "$page" "<span class=\"own-type\" title=\"BC\">Báo cáo</span> số <span class=\"own-number\">12-BC/HU</span>"
expect_eq "page: filter on own type" "$(cgi 'q=dan+van&type=KH' | grep -c 'data-docid=')" "1"
expect_eq "page: filter on cited type" "$(cgi 'q=dan+van&ctype=KH' | grep -c 'data-docid=')" "2"

# --synonyms with marks; models under one display name
syn=$("$S" --synonyms)
expect_contains "synonyms with marks" "$syn" "UBND = ủy ban nhân dân"
expect_contains "synonyms JSON keeps the folded key" "$("$S" --synonyms --json)" '"key":"ubnd","synonym":"uy ban nhan dan","key_marked":"UBND","synonym_marked":"ủy ban nhân dân"'
models=$("$S" --models --json | python3 -c '
import json, sys
for m in json.load(sys.stdin)["models"]:
    print(m["name"], m["documents"])')
expect_eq "models merged, the most frequent form with marks" "$models" "Dân vận khéo 4
nuôi bò sinh sản luân chuyển giúp hộ nghèo 1"
finish
