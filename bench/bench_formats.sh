#!/usr/bin/env bash
# Per-format indexing throughput (issue 10): N files of each new format
# (XLSX, PPTX, ODS, EML with an attachment, RTF, a zip of N text members,
# doubly encoded UTF-8), each indexed alone; prints files/s and MB/s.
# Usage: bench/bench_formats.sh [N]   (Release build in build-bench/, or
# the build folder in $TRACUU_BUILD_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
build=${TRACUU_BUILD_DIR:-build-bench}
if [ -z "${TRACUU_BUILD_DIR:-}" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"$(nproc)" --target tracuu-index >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$n" "$(sed -n 2p corpus/000_68f44c56ba93236f.txt)" <<'PY'
import sys, os, zipfile
from email.message import EmailMessage
w, n, para = sys.argv[1], int(sys.argv[2]), sys.argv[3][:2000]
S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
RP = 'http://schemas.openxmlformats.org/package/2006/relationships'
A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
P = 'http://schemas.openxmlformats.org/presentationml/2006/main'
words = para.split()
def esc(t): return t.replace("&", "&amp;").replace("<", "&lt;")
for f in ["xlsx", "pptx", "ods", "eml", "rtf", "zip", "mojibake"]:
    os.makedirs(os.path.join(w, f))
def moj(s):
    out = ""
    for x in s.encode():
        try: out += bytes([x]).decode("cp1252")
        except UnicodeDecodeError: out += chr(x)
    return out
for i in range(n):
    t = " ".join(words[i % 7:]) + " %d" % i
    rows = "".join(f'<row><c t="inlineStr"><is><t>{esc(x)}</t></is></c></row>' for x in t.split(". "))
    with zipfile.ZipFile(f"{w}/xlsx/{i}.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{S}" xmlns:r="{R}"><sheets><sheet name="S" r:id="r1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{RP}"><Relationship Id="r1" Type="x" Target="s.xml"/></Relationships>')
        z.writestr("xl/s.xml", f'<worksheet xmlns="{S}"><sheetData>{rows}</sheetData></worksheet>')
    with zipfile.ZipFile(f"{w}/pptx/{i}.pptx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ppt/presentation.xml", f'<p:presentation xmlns:p="{P}" xmlns:r="{R}"><p:sldIdLst><p:sldId id="256" r:id="r1"/></p:sldIdLst></p:presentation>')
        z.writestr("ppt/_rels/presentation.xml.rels", f'<Relationships xmlns="{RP}"><Relationship Id="r1" Type="x" Target="slides/s.xml"/></Relationships>')
        z.writestr("ppt/slides/s.xml", f'<p:sld xmlns:p="{P}" xmlns:a="{A}"><a:p><a:r><a:t>{esc(t)}</a:t></a:r></a:p></p:sld>')
    with zipfile.ZipFile(f"{w}/ods/{i}.ods", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", f'<d xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><text:p>{esc(t)}</text:p></d>')
    m = EmailMessage(); m["From"] = "a@b.vn"; m["To"] = "c@d.vn"; m["Subject"] = t[:60]
    m.set_content(t, cte="quoted-printable")
    m.add_attachment(t.encode(), maintype="text", subtype="plain", filename="a.txt")
    open(f"{w}/eml/{i}.eml", "w").write(m.as_string())
    open(f"{w}/rtf/{i}.rtf", "w").write("{\\rtf1\\ansi\\uc1 " + "".join(c if ord(c) < 128 else "\\u%d?" % ord(c) for c in t) + "\\par}")
    open(f"{w}/mojibake/{i}.txt", "w").write(moj(moj(t)))
with zipfile.ZipFile(f"{w}/zip/all.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(n):
        z.writestr("m%d.txt" % i, " ".join(words[i % 7:]) + " %d" % i)
PY
printf '%-9s %7s %9s %8s %8s\n' format files MB seconds files/s
for f in xlsx pptx ods eml rtf zip mojibake; do
  mb=$(find "$work/$f" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.2f", s/1e6}')
  t0=$(date +%s.%N)
  "$build/bin/tracuu-index" --quiet --jobs 2 --db "$work/$f.db" "$work/$f" 2>/dev/null || true
  t1=$(date +%s.%N)
  awk -v f="$f" -v n="$n" -v mb="$mb" -v s="$(echo "$t1 - $t0" | bc)" \
    'BEGIN {printf "%-9s %7d %9.2f %8.2f %8.1f\n", f, n, mb, s, n / s}'
done
