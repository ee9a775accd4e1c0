#!/usr/bin/env bash
# Issue 10, end to end: spreadsheets, slides, mail with attachments,
# archives (nested), RTF as Word and LibreOffice write it, doubly encoded
# UTF-8, and the bad inputs (zip bomb, recursive zip, encrypted zip, a mail
# with a broken attachment, 10,000 members).  Every file is written here
# (python3's zipfile and email); each part must be found by folded and
# accented queries, members under FILE#MEMBER paths.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
mkdir -p "$A"
python3 - "$A" <<'PY'
import sys, os, zipfile, io
from email.message import EmailMessage
from email.header import Header
A = sys.argv[1]
W = zipfile.ZIP_DEFLATED

def z(path, parts):
    with zipfile.ZipFile(path, "w", W) as f:
        for n, d in parts:
            f.writestr(n, d)

CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/%s" ContentType="%s"/></Types>'
CORE = ('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        '<dc:title>%s</dc:title><dc:creator>Trần Thị Bình</dc:creator>'
        '<dcterms:created>2018-03-04T08:00:00Z</dcterms:created></cp:coreProperties>')
S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
RP = 'http://schemas.openxmlformats.org/package/2006/relationships'
z(os.path.join(A, "bangluong.xlsx"), [
  ("[Content_Types].xml", CT % ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
  ("docProps/core.xml", CORE % "Bảng lương quý một"),
  ("xl/workbook.xml", f'<workbook xmlns="{S}" xmlns:r="{R}"><sheets><sheet name="Phụ cấp khu vực" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  ("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{RP}"><Relationship Id="rId1" Type="{R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
  ("xl/sharedStrings.xml", f'<sst xmlns="{S}"><si><t>Họ và tên</t></si><si><r><t>Nguyễn Thị </t></r><r><t>Hường</t></r></si></sst>'),
  ("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{S}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Lương tháng</t></is></c></row>'
   f'<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>7350000</v></c></row></sheetData></worksheet>')])
A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main'
P_NS = 'http://schemas.openxmlformats.org/presentationml/2006/main'
def slide(t):
    return f'<p:sld xmlns:p="{P_NS}" xmlns:a="{A_NS}"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{t}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>'
z(os.path.join(A, "baigiang.pptx"), [
  ("[Content_Types].xml", CT % ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")),
  ("ppt/presentation.xml", f'<p:presentation xmlns:p="{P_NS}" xmlns:r="{R}"><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst></p:presentation>'),
  ("ppt/_rels/presentation.xml.rels", f'<Relationships xmlns="{RP}"><Relationship Id="rId3" Type="{R}/slide" Target="slides/slide2.xml"/><Relationship Id="rId2" Type="{R}/slide" Target="slides/slide1.xml"/></Relationships>'),
  ("ppt/slides/slide1.xml", slide("Chuyển đổi số ở xã Đạ Huoai")),
  ("ppt/slides/slide2.xml", slide("Kết luận")),
  ("ppt/slides/_rels/slide2.xml.rels", f'<Relationships xmlns="{RP}"><Relationship Id="rId9" Type="{R}/notesSlide" Target="../notesSlides/notesSlide1.xml"/></Relationships>'),
  ("ppt/notesSlides/notesSlide1.xml", slide("Nhắc lại khuyến nghị về rừng phòng hộ"))])
OT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'
OTB = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0'
OD = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0'
OP = 'urn:oasis:names:tc:opendocument:xmlns:presentation:1.0'
OO = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0'
def odf(path, mime, body):
    with zipfile.ZipFile(path, "w") as f:
        f.writestr(zipfile.ZipInfo("mimetype"), mime)
        f.writestr("content.xml", f'<office:document-content xmlns:office="{OO}" xmlns:text="{OT}" xmlns:table="{OTB}" xmlns:draw="{OD}" xmlns:presentation="{OP}"><office:body>{body}</office:body></office:document-content>')
        f.writestr("meta.xml", f'<office:document-meta xmlns:office="{OO}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta><dc:title>Tài liệu mở</dc:title><meta:creation-date>2017-06-01T10:00:00</meta:creation-date></office:meta></office:document-meta>')
odf(os.path.join(A, "thongke.ods"), "application/vnd.oasis.opendocument.spreadsheet",
    f'<office:spreadsheet><table:table table:name="Sản lượng cà phê"><table:table-row><table:table-cell><text:p>Huyện Bảo Lâm</text:p></table:table-cell><table:table-cell office:value="1250"><text:p>1250</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>')
odf(os.path.join(A, "trinhchieu.odp"), "application/vnd.oasis.opendocument.presentation",
    f'<office:presentation><draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>Hội thảo nông nghiệp công nghệ cao</text:p></draw:text-box></draw:frame>'
    f'<presentation:notes><draw:frame><draw:text-box><text:p>Ghi chú: mời đại biểu Đơn Dương</text:p></draw:text-box></draw:frame></presentation:notes></draw:page></office:presentation>')

# Mail: quoted-printable body, encoded subject, base64 attachment (a docx-less txt), attached zip.
m = EmailMessage()
m["From"] = str(Header("Lê Văn Tám", "utf-8")) + " <tam@example.vn>"
m["To"] = "vanthu@example.vn"
m["Subject"] = "Giấy mời họp giao ban tuần"
m["Date"] = "Mon, 02 Dec 2019 09:00:00 +0700"
m.set_content("Kính gửi các đồng chí: cuộc họp bàn về phòng chống thiên tai.\n", cte="quoted-printable")
m.add_alternative("<html><body><p>Kính gửi các đồng chí: cuộc họp bàn về phòng chống thiên tai.</p></body></html>", subtype="html", cte="base64")
m.add_attachment("Danh sách đại biểu mời dự: ông Phạm Quốc Khánh\n".encode(), maintype="text", subtype="plain", filename="danhsach.txt")
open(os.path.join(A, "giaymoi.eml"), "w").write(m.as_string())

# A mail with a broken attachment next to a good one.
b = EmailMessage()
b["From"] = "a@example.vn"; b["To"] = "b@example.vn"; b["Subject"] = "Tệp hỏng"
b["Date"] = "Mon, 02 Dec 2019 10:00:00 +0700"
b.set_content("Thư có tệp đính kèm hỏng nhưng thân thư vẫn đọc được: cây điều Bình Phước.\n", cte="base64")
b.add_attachment(b"PK\x03\x04garbage that is not a zip at all", maintype="application", subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="hong.docx")
b.add_attachment("Tệp lành: hồ tiêu Chư Sê\n".encode(), maintype="text", subtype="plain", filename="lanh.txt")
open(os.path.join(A, "tephong.eml"), "w").write(b.as_string())

# Nested zip.
inner = io.BytesIO()
with zipfile.ZipFile(inner, "w", W) as f:
    f.writestr("sau/bc-12.txt", "Báo cáo số 12 về trồng rừng ngập mặn Cà Mau\n")
z(os.path.join(A, "luutru2019.zip"), [("gioithieu.txt", "Giới thiệu hồ sơ lưu trữ năm 2019: đê điều\n"),
                                       ("con.zip", inner.getvalue())])
# Recursive zip: 8 levels, deeper than the bound of 4.
d = "Tầng sâu nhất: kho bạc\n".encode(); name = "day.txt"
for i in range(8):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", W) as f:
        f.writestr(name, d)
    d = buf.getvalue(); name = "lop%d.zip" % i
open(os.path.join(A, "dequy.zip"), "wb").write(d)
# Zip bomb: 120 MiB of zeros (over the 100 MiB per member), next to a good member.
with zipfile.ZipFile(os.path.join(A, "bom.zip"), "w", W) as f:
    f.writestr("lanh.txt", "Thành viên lành của tệp bom: thủy lợi\n")
    with f.open("zero.txt", "w") as g:
        block = b"\0" * (1 << 20)
        for _ in range(120):
            g.write(block)
# 10,000 members.
with zipfile.ZipFile(os.path.join(A, "muonthu.zip"), "w", zipfile.ZIP_STORED) as f:
    for i in range(10000):
        f.writestr("t%05d.txt" % i, "Văn bản số %d về xây dựng nông thôn mới\n" % i)

# RTF as Word writes it (\uc1 with ? fallback, \ansicpg1258) and as LibreOffice does (\uc2 with \'hh fallback).
open(os.path.join(A, "word.rtf"), "w").write(
  "{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0\\froman\\fcharset163 Times New Roman;}}"
  "{\\info{\\title Bi\\u234?n b\\u7843?n cu\\u7897?c \\u273?ua thuy\\u7873?n}{\\author Ph\\u242?ng V\\u259?n h\\u243?a}}"
  "\\uc1\\pard\\f0 Cu\\u7897?c \\u273?ua thuy\\u7873?n tr\\u234?n s\\u244?ng H\\u432?\\u417?ng\\par}\n")
open(os.path.join(A, "libre.rtf"), "w").write(
  "{\\rtf1\\ansi\\deff0\\adeflang1025{\\fonttbl{\\f0\\fcharset0 Liberation Serif;}}"
  "\\pard\\plain\\f0\\uc2 L\\u7877\\'3f\\'3f h\\u7897\\'3f\\'3fi Ngh\\u7879\\'3f\\'3f \\u272\\'3f\\'3f\\u7847\\'3f\\'3fm Sen\\par}\n")

# Doubly encoded UTF-8.
def moj(s):
    out = ""
    for x in s.encode("utf-8"):
        try: out += bytes([x]).decode("cp1252")
        except UnicodeDecodeError: out += chr(x)
    return out
open(os.path.join(A, "hong2lan.txt"), "w", encoding="utf-8").write(moj(moj("Quyết định phê duyệt đề án đổi mới giáo dục\n")))
PY
# A .doc whose title is in its properties (not its first line).
"$BIN/tu_docprops" "$SRC/tests/data/extract/vn.doc" "$A/tieude.doc" \
  "Tờ trình về quy hoạch đô thị" "Hoàng Minh Châu"
zip -q -P matkhau "$A/mat.zip" "$A/hong2lan.txt" -j 2>/dev/null

# The member bound is lowered to 200 to keep the test fast (default 5000).
IX=("$BIN/tracuu-index" --max-members 200)
START=$(date +%s)
OUT=$("${IX[@]}" "$A" 2>&1)
echo "first run: $(( $(date +%s) - START )) s"
echo "$OUT" | grep -v "^tracuu-index: .*muonthu.zip#" | head -40

# the paths (relative to the archive folder) of the results, in rank order
q() {
  "$BIN/tracuu-search" --json --limit 100 "$@" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(r["path"].split("/archive/",1)[1] for r in d["results"]))'
}
first() { q "$@" | cut -d" " -f1; }
expect_eq "cell (shared string)" "$(first '"Nguyễn Thị Hường"')" "bangluong.xlsx"
expect_eq "cell folded" "$(q 'nguyen thi huong')" "bangluong.xlsx"
expect_eq "sheet name" "$(q 'phu cap khu vuc')" "bangluong.xlsx"
expect_eq "number cell" "$(q '7350000')" "bangluong.xlsx"
expect_eq "xlsx title" "$(q 'title:"bảng lương"')" "bangluong.xlsx"
expect_eq "slide" "$(q 'Đạ Huoai')" "baigiang.pptx"
expect_eq "notes" "$(q 'rung phong ho')" "baigiang.pptx"
expect_eq "ods cell and sheet" "$(q 'bao lam ca phe')" "thongke.ods"
expect_eq "odp notes" "$(q 'Đơn Dương')" "trinhchieu.odp"
expect_eq "mail QP body" "$(q 'phong chong thien tai')" "giaymoi.eml"
expect_eq "mail subject title" "$(q 'title:"giao ban"')" "giaymoi.eml"
expect_eq "mail from" "$(q 'Lê Văn Tám')" "giaymoi.eml"
expect_eq "attachment" "$(q 'pham quoc khanh')" "giaymoi.eml#danhsach.txt"
expect_eq "base64 body, broken sibling" "$(q 'cây điều')" "tephong.eml"
expect_eq "good attachment next to a broken one" "$(q 'chu se')" "tephong.eml#lanh.txt"
expect_contains "broken attachment named" "$OUT" "tephong.eml#hong.docx:"
expect_eq "zip member" "$(first 'đê điều')" "luutru2019.zip#gioithieu.txt"
expect_eq "nested zip member" "$(q 'ngập mặn')" "luutru2019.zip#con.zip#sau/bc-12.txt"
expect_contains "recursive zip: depth bound" "$OUT" "nested too deep"
expect_not_contains "recursive zip: deep text not read" "$(q 'kho bac')" "day.txt"
expect_contains "zip bomb refused" "$OUT" "bom.zip#zero.txt: over 100 MiB uncompressed"
expect_eq "zip bomb sibling" "$(q 'thuy loi')" "bom.zip#lanh.txt"
expect_contains "encrypted zip named" "$OUT" "mat.zip#hong2lan.txt: encrypted"
expect_contains "10,000 members bounded" "$OUT" "muonthu.zip: 9800 members over the limit"
N=$("$BIN/tracuu-search" --json --limit 1 'nong thon moi' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
expect_eq "members indexed up to the bound" "$N" "200"
expect_eq "word rtf exact" "$(q '"đua thuyền trên sông Hương"')" "word.rtf"
expect_eq "word rtf title" "$(q 'title:"biên bản"')" "word.rtf"
expect_eq "libreoffice rtf exact" "$(q '"lễ hội nghệ đầm sen"')" "libre.rtf"
TXT=$("$BIN/tracuu-search" --json 'dam sen' | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["snippet"])')
expect_not_contains "no fallback bytes" "$TXT" "?"
expect_eq "mojibake repaired" "$(q 'đổi mới giáo dục')" "hong2lan.txt"
expect_eq "mojibake marked" "$(q 'mahoa:utf-8-mojibake-2')" "hong2lan.txt"
expect_eq "format xlsx" "$(q 'dinhdang:xlsx')" "bangluong.xlsx"
expect_eq "format eml" "$(q 'dinhdang:eml' 'hop')" "giaymoi.eml"

expect_eq ".doc title from properties" "$(q 'title:"quy hoach do thi"')" "tieude.doc"
expect_eq ".doc author" "$(q 'Hoàng Minh Châu')" "tieude.doc"

# Dry run names members and attachments.
DRY=$("${IX[@]}" --dry-run --db "$SCRATCH/none" "$A/giaymoi.eml" "$A/luutru2019.zip" 2>"$SCRATCH/dry.err")
[ -s "$SCRATCH/dry.err" ] && cat "$SCRATCH/dry.err"
expect_contains "dry run: attachment" "$DRY" "giaymoi.eml#danhsach.txt"
expect_contains "dry run: nested member" "$DRY" "luutru2019.zip#con.zip#sau/bc-12.txt"

# Incremental: unchanged skipped whole; changed, members replaced; removed, they go.
OUT2=$("${IX[@]}" "$A" 2>&1 | tail -2)
expect_contains "re-run unchanged" "$OUT2" "indexed 0,"
python3 - "$A/luutru2019.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as f:
    f.writestr("moi.txt", "Thành viên mới: kè biển Gò Công\n")
PY
"${IX[@]}" "$A" >/dev/null 2>&1
expect_eq "changed: new member" "$(q 'go cong')" "luutru2019.zip#moi.txt"
# quoted: every word required (no partial match, no correction)
expect_eq "changed: old member gone" "$(q '"ngập mặn"')" ""
rm "$A/luutru2019.zip"
"${IX[@]}" "$A" >/dev/null 2>&1
expect_eq "removed: members gone" "$(q '"go cong"')" ""
finish
