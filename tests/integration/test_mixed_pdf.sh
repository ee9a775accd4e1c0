#!/usr/bin/env bash
# Issue 10: a PDF whose first page has a text layer and whose second is a
# scan; with --ocr both are read, in page order.  Skips (77) only where
# tesseract or pdfunite is missing (scripts/deps.sh installs them).
source "$(dirname "$0")/lib.sh" "$@"
# Mixed PDF: a text page, then a scanned one; with --ocr both are read.
if command -v tesseract >/dev/null && command -v pdfunite >/dev/null; then
  python3 - "$SCRATCH/text.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"]
text = b"BT /F1 18 Tf 72 760 Td (Trang mot: kiem ke tai san Phong Nam) Tj ET"
objs.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
out = b"%PDF-1.4\n"; offs = []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj " % (i + 1) + o + b" endobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
  mkdir -p "$SCRATCH/mixed"
  pdfunite "$SCRATCH/text.pdf" "$SRC/tests/data/extract/scan.pdf" "$SCRATCH/mixed/tron.pdf"
  "$BIN/tracuu-index" --ocr --db "$SCRATCH/dbocr" "$SCRATCH/mixed" >/dev/null 2>&1
  Q() { "$BIN/tracuu-search" --db "$SCRATCH/dbocr" --json "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
  expect_eq "mixed PDF: text page" "$(Q 'kiem ke tai san')" "1"
  expect_eq "mixed PDF: scanned page OCRed" "$(Q 'ủy ban nhân dân')" "1"
  T=$("$BIN/tracuu-search" --db "$SCRATCH/dbocr" --doc 1)
  case "$T" in *"Phong Nam"*"dân vận"*) ok ;; *) fail "mixed PDF: pages out of order: ${T:0:300}" ;; esac
else
  echo "SKIP mixed PDF OCR: tesseract or pdfunite missing (scripts/deps.sh installs them)"
  exit 77
fi

finish
