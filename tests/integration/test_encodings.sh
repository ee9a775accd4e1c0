#!/usr/bin/env bash
# Issue 3, end to end: one real Vietnamese text written in every encoding
# and format tracuu reads (UTF-8, BOM, UTF-16LE/BE, Windows-1258, VISCII,
# TCVN3, VNI, VIQR, HTML, DOCX, ODT, PDF, RTF, .doc), indexed by
# tracuu-index, then found by folded and accented queries, with the right
# encoding reported and the stored text equal to the original.
source "$(dirname "$0")/lib.sh" "$@"
A="$SCRATCH/archive"
mkdir -p "$A"
CGI="$BIN/tracuu.cgi"
ENC="$BIN/tu_encode"
if [ ! -x "$ENC" ]; then
  echo "FAIL: $ENC not built (tests/CMakeLists.txt: add_executable(tu_encode ...))" >&2
  exit 1
fi

# The text: a title, a paragraph from corpus/000 (capitals with tones, 37
# Vietnamese letters) and a line with every letter shape.
ORIG="$SCRATCH/orig.txt"
python3 - "$SRC/corpus/000_68f44c56ba93236f.txt" "$ORIG" <<'PY'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
end = "một cửa liên thông."
para = lines[1][:lines[1].index(end) + len(end)]
letters = ("Chữ Việt: ĂÂÊÔƠƯĐ ăâêôơư đường; Ấp Ầu Ẩn Ẫy Ậm, Ếch Ềnh Ểu Ễnh Ệp, "
           "Ốc Ồn Ổi Ỗi Ộp, Ớt Ờn Ở Ỡ Ợ, Ứa Ừng Ử Ữa Ự, Ắt Ằn Ẳng Ẵm Ặp, "
           "Ý Ỳ Ỷ Ỹ Ỵ; mưa xuân, khuya, ngoằn ngoèo, thuở ấy, quyển sách.")
text = unicodedata.normalize("NFC", lines[0] + "\n" + para + "\n" + letters + "\n")
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY

# Plain text in every encoding.
cp "$ORIG" "$A/utf8.txt"
{ printf '\xef\xbb\xbf'; cat "$ORIG"; } > "$A/utf8-bom.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$ORIG"; } > "$A/utf16le.txt"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$ORIG"; } > "$A/utf16be.txt"
iconv -f UTF-8 -t CP1258 "$ORIG" > "$A/cp1258.txt" || fail "iconv CP1258"
iconv -f UTF-8 -t VISCII "$ORIG" > "$A/viscii.txt" || fail "iconv VISCII"
for e in TCVN3 VNI VIQR; do
  lc=$(echo "$e" | tr A-Z a-z)
  "$ENC" "$e" < "$ORIG" > "$A/$lc.txt"; expect_eq "tu_encode $e exit" "$?" 0
done
# Sanity: the generated files really are legacy bytes.
expect_eq "cp1258 is not UTF-8" "$(iconv -f UTF-8 -t UTF-8 "$A/cp1258.txt" >/dev/null 2>&1; echo $?)" 1
expect_eq "viqr is ASCII" "$(LC_ALL=C grep -c $'[\x80-\xff]' "$A/viqr.txt")" 0

# Rich formats, each holding the same three lines.
python3 - "$ORIG" "$A" <<'PY'
import sys, zipfile, html
orig, out = sys.argv[1], sys.argv[2]
lines = open(orig, encoding="utf-8").read().rstrip("\n").split("\n")
esc = lambda s: html.escape(s, quote=False)

# HTML templates (UTF-8 here; the shell converts them to legacy bytes).
body = "<h1>%s</h1>\n<p>%s</p>\n<p>%s</p>\n" % tuple(esc(l) for l in lines)
for name, cs in (("page-cp1258.html.u8", "windows-1258"),
                 ("page-tcvn3.html.u8", "iso-8859-1")):
    with open(out + "/../" + name, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html><head><meta charset="%s">'
                "<title>%s</title></head>\n<body>\n%s</body></html>\n"
                % (cs, esc(lines[0]), body))

# DOCX: the minimal parts.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
paras = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(l)
                for l in lines)
with zipfile.ZipFile(out + "/doc.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, paras))

# ODT: mimetype first and stored.
O = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
T = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
with zipfile.ZipFile(out + "/doc.odt", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
               compress_type=zipfile.ZIP_STORED)
    z.writestr("META-INF/manifest.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    z.writestr("content.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content %s %s office:version="1.2"><office:body><office:text>'
        '<text:h text:outline-level="1">%s</text:h>%s'
        '</office:text></office:body></office:document-content>'
        % (O, T, esc(lines[0]), "".join("<text:p>%s</text:p>" % esc(l) for l in lines[1:])))

# RTF: ASCII only, every other letter as \uN?.
def rtf(s):
    r = []
    for c in s:
        o = ord(c)
        if c in "\\{}": r.append("\\" + c)
        elif o < 128: r.append(c)
        else: r.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return "".join(r)
with open(out + "/doc.rtf", "w", encoding="ascii") as f:
    f.write("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n"
            + "\n".join(rtf(l) + "\\par" for l in lines) + "\n}\n")

# PDF: Helvetica with single-byte codes, a ToUnicode CMap giving codes
# 0x80.. the Vietnamese letters; the text wrapped into short lines.
cps = []
def code(s):
    b = []
    for c in s:
        o = ord(c)
        if o >= 128:
            if c not in cps: cps.append(c)
            o = 0x80 + cps.index(c)
        b.append("\\%03o" % o)
    return "".join(b)
rows = []
for l in lines:
    cur = ""
    for w in l.split(" "):
        if cur and len(cur) + 1 + len(w) > 90:
            rows.append(cur); cur = w
        else:
            cur = cur + " " + w if cur else w
    rows.append(cur)
content = "BT /F1 9 Tf 12 TL 20 760 Td " + " ".join("(%s) Tj T*" % code(r) for r in rows) + " ET\n"
assert len(cps) <= 128, len(cps)
cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        "1 beginbfrange <20> <7E> <0020> endbfrange\n"
        "%d beginbfchar\n%s\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        % (len(cps), "\n".join("<%02X> <%04X>" % (0x80 + i, ord(c)) for i, c in enumerate(cps))))
objs = ["<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        "<< /Length %d >> stream\n%sendstream" % (len(content), content),
        "<< /Length %d >> stream\n%sendstream" % (len(cmap), cmap)]
pdf = b"%PDF-1.4\n"
off = []
for i, o in enumerate(objs):
    off.append(len(pdf))
    pdf += ("%d 0 obj %s endobj\n" % (i + 1, o)).encode("latin-1")
xref = len(pdf)
pdf += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
pdf += "".join("%010d 00000 n \n" % o for o in off).encode()
pdf += ("trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)).encode()
open(out + "/doc.pdf", "wb").write(pdf)
PY
iconv -f UTF-8 -t CP1258 "$SCRATCH/page-cp1258.html.u8" > "$A/page-cp1258.html" || fail "iconv html"
"$ENC" TCVN3 < "$SCRATCH/page-tcvn3.html.u8" > "$A/page-tcvn3.html" || fail "tu_encode html"
HAVE_DOC=0
if [ -f "$SRC/tests/data/extract/vn.doc" ]; then
  cp "$SRC/tests/data/extract/vn.doc" "$A/vn.doc"; HAVE_DOC=1
else
  echo "SKIP vn.doc: tests/data/extract/vn.doc missing"
fi
TEXTS="utf8.txt utf8-bom.txt utf16le.txt utf16be.txt cp1258.txt viscii.txt tcvn3.txt vni.txt viqr.txt"
RICH="page-cp1258.html page-tcvn3.html doc.docx doc.odt doc.pdf doc.rtf"
ALL="$TEXTS $RICH"; [ $HAVE_DOC = 1 ] && ALL="$ALL vn.doc"
N_ALL=$(echo $ALL | wc -w)
sorted() { tr ' ' '\n' | grep -v '^$' | sort | tr '\n' ' '; }
WANT_ALL=$(echo $ALL | sorted)

# --dry-run: type, encoding and size per file, no database.
dry=$("$BIN/tracuu-index" --dry-run "$A" 2>"$SCRATCH/dry.err"); rc=$?
expect_eq "dry-run exit" "$rc" 0
expect_eq "dry-run writes no database" "$(test -e "$TRACUU_DB" && echo yes || echo no)" "no"
expect_eq "dry-run: one line per file" "$(grep -c . <<<"$dry")" "$N_ALL"
expect_contains "dry-run summary" "$(cat "$SCRATCH/dry.err")" "dry run: would index $N_ALL,"
dry_field() { awk -F'\t' -v f="$A/$1" -v c="$2" '$1 == f { print $c }' <<<"$dry"; }
expect_eq "dry-run utf8 format" "$(dry_field utf8.txt 2)" "txt"
expect_eq "dry-run tcvn3 encoding" "$(dry_field tcvn3.txt 4)" "TCVN3"
expect_eq "dry-run pdf format" "$(dry_field doc.pdf 2)" "pdf"
expect_eq "dry-run pdf mime" "$(dry_field doc.pdf 3)" "application/pdf"
expect_eq "dry-run docx format" "$(dry_field doc.docx 2)" "docx"
expect_eq "dry-run utf16le size" "$(dry_field utf16le.txt 5)" "$(wc -c < "$ORIG") bytes of text"

# Index for real.
out=$("$BIN/tracuu-index" "$A" 2>&1); rc=$?
expect_eq "index exit" "$rc" 0
expect_contains "index summary" "$out" "indexed $N_ALL, unchanged 0, removed 0, failed 0"
[ "$rc" -eq 0 ] || echo "$out" >&2

# Every file found by a folded and by an accented query.
expect_eq "folded query finds every file" "$(search_names chi dao cac so ban nganh | sorted)" "$WANT_ALL"
expect_eq "accented query finds every file" \
  "$(search_names 'Ủy ban nhân dân tỉnh đã chỉ đạo' | sorted)" "$WANT_ALL"
expect_eq "accented phrase finds every file" \
  "$(search_names '"ủy ban nhân dân tỉnh"' | sorted)" "$WANT_ALL"
want=$(echo $ALL | tr ' ' '\n' | grep -v vn.doc | sorted)
expect_eq "letters line: folded" "$(search_names ngoan ngoeo thuo quyen | sorted)" "$want"
expect_eq "letters line: accented" "$(search_names 'ngoằn ngoèo thuở' | sorted)" "$want"

# Encoding reported per plain-text file, and the stored text.
"$BIN/tracuu-search" --json --limit 100 chi dao cac so ban nganh > "$SCRATCH/all.json"
declare -A WANT_ENC=([utf8.txt]=UTF-8 [utf8-bom.txt]=UTF-8 [utf16le.txt]=UTF-16LE
  [utf16be.txt]=UTF-16BE [cp1258.txt]=WINDOWS-1258 [viscii.txt]=VISCII
  [tcvn3.txt]=TCVN3 [vni.txt]=VNI [viqr.txt]=VIQR
  [page-cp1258.html]=WINDOWS-1258 [page-tcvn3.html]=TCVN3)
right=0
for f in $TEXTS page-cp1258.html page-tcvn3.html; do
  got=$(python3 -c 'import json,sys,os
for r in json.load(open(sys.argv[1]))["results"]:
    if os.path.basename(r["path"]) == sys.argv[2]: print(r.get("encoding"))' "$SCRATCH/all.json" "$f")
  expect_eq "encoding of $f" "$got" "${WANT_ENC[$f]}"
  [ "$got" == "${WANT_ENC[$f]}" ] && right=$((right + 1))
done
echo "detection: $right of ${#WANT_ENC[@]} encoded files got the right encoding name"

# docview FILE: the document's JSON view from the CGI.
docview() {
  local id
  id=$(python3 -c 'import json,sys,os
for r in json.load(open(sys.argv[1]))["results"]:
    if os.path.basename(r["path"]) == sys.argv[2]: print(r["docid"])' "$SCRATCH/all.json" "$1")
  QUERY_STRING="doc=$id&format=json" REQUEST_METHOD=GET "$CGI" |
    sed '1,/^\r\?$/d'
}
# check_text FILE MODE: the stored text against the original.
#   exact: NFC text equals the original byte for byte;
#   tcvn3: the same, after lower-casing the capitals TCVN3 cannot hold;
#   contains: whitespace-normalised text contains each line;
#   doc: contains tests/data/extract/vn.txt.
check_text() {
  docview "$1" > "$SCRATCH/view.json"
  python3 - "$SCRATCH/view.json" "$ORIG" "$2" "$SRC/tests/data/extract/vn.txt" <<'PY'
import json, sys, unicodedata
view, orig, mode, vn = sys.argv[1:5]
try:
    d = json.load(open(view, encoding="utf-8"))
except ValueError as e:
    sys.exit("not JSON: %s: %s" % (e, open(view, encoding="utf-8", errors="replace").read()[:300]))
text = unicodedata.normalize("NFC", d["text"])
want = open(orig, encoding="utf-8").read()
def tcvn3_lower(s):
    out = []
    for c in s:
        base = unicodedata.normalize("NFD", c)
        toned = any(m in base for m in "\u0300\u0301\u0303\u0309\u0323")
        out.append(c.lower() if c.isupper() and toned else c)
    return "".join(out)
norm = lambda s: " ".join(s.split())
if mode == "exact":
    ok = text == want
elif mode == "tcvn3":
    want = tcvn3_lower(want); ok = text == want
elif mode in ("contains", "contains-tcvn3"):
    if mode == "contains-tcvn3": want = tcvn3_lower(want)
    bad = [l for l in want.split("\n") if l and norm(l) not in norm(text)]
    ok = not bad; want = bad[0] if bad else want
else:
    want = open(vn, encoding="utf-8").read(); ok = norm(want) in norm(text)
if not ok:
    import difflib
    a, b = (text, want) if mode in ("exact", "tcvn3") else (norm(text), norm(want))
    i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    sys.exit("differs at %d: got [%s] want [%s]" % (i, a[max(0, i-20):i+40], b[max(0, i-20):i+40]))
PY
}
for f in utf8.txt utf8-bom.txt utf16le.txt utf16be.txt cp1258.txt viscii.txt vni.txt viqr.txt; do
  msg=$(check_text "$f" exact 2>&1) && ok || fail "stored text of $f: $msg"
done
msg=$(check_text tcvn3.txt tcvn3 2>&1) && ok || fail "stored text of tcvn3.txt: $msg"
for f in page-cp1258.html doc.docx doc.odt doc.pdf doc.rtf; do
  msg=$(check_text "$f" contains 2>&1) && ok || fail "stored text of $f: $msg"
done
msg=$(check_text page-tcvn3.html contains-tcvn3 2>&1) && ok || fail "stored text of page-tcvn3.html: $msg"
if [ $HAVE_DOC = 1 ]; then
  msg=$(check_text vn.doc doc 2>&1) && ok || fail "stored text of vn.doc: $msg"
fi

# --encoding forces the decoding of plain text: a Windows-1258 file read as
# TCVN3 gives other letters (and its words are no longer found), the same
# file forced to WINDOWS-1258 is read right.
F="$SCRATCH/forced"; mkdir -p "$F"
cp "$A/tcvn3.txt" "$F/a.txt"
export TRACUU_DB="$SCRATCH/db-forced"
out=$("$BIN/tracuu-index" --encoding TCVN3 "$F" 2>&1); expect_eq "--encoding TCVN3 exit" "$?" 0
expect_eq "--encoding TCVN3 encoding" "$("$BIN/tracuu-search" --json dan van |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["encoding"])')" "TCVN3"
expect_eq "--encoding TCVN3 finds" "$(search_names 'chỉ đạo')" "a.txt"
cp "$A/cp1258.txt" "$F/a.txt"
out=$("$BIN/tracuu-index" --encoding TCVN3 "$F" 2>&1)
expect_contains "forced re-index" "$out" "indexed 1, unchanged 0, removed 0"
expect_eq "forced wrong encoding: reported" "$("$BIN/tracuu-search" --json kon tum |
  python3 -c 'import json,sys; r=json.load(sys.stdin)["results"]; print(r[0]["encoding"] if r else "none")')" "TCVN3"
# quoted: every word required (partial matching would find other words)
expect_eq "forced wrong encoding: words lost" "$(search_names --as-typed '"chỉ đạo"')" ""
out=$("$BIN/tracuu-index" --encoding cp1258 --force "$F" 2>&1)
expect_eq "--encoding cp1258 alias" "$("$BIN/tracuu-search" --json 'chỉ đạo' |
  python3 -c 'import json,sys; r=json.load(sys.stdin)["results"]; print(r[0]["encoding"] if r else "none")')" "WINDOWS-1258"
out=$("$BIN/tracuu-index" --encoding KLINGON "$F" 2>&1); expect_eq "unknown --encoding: usage" "$?" 2
expect_contains "unknown --encoding named" "$out" "KLINGON"
finish
