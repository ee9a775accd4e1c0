#!/bin/sh
# Regenerates the fixtures no C test can write by itself (needs LibreOffice:
# apt-get install libreoffice-writer-nogui).  vn.doc was made by
# LibreOffice 7.4 from vn.txt.
set -eu
cd "$(dirname "$0")"
soffice --headless --convert-to doc:"MS Word 97" vn.txt
# scan.pdf: the same text as an image-only page (no text layer).
soffice --headless --convert-to pdf --outdir /tmp vn.txt
pdftoppm -r 150 -gray -f 1 -l 1 /tmp/vn.pdf /tmp/vn-scan
python3 make_scan_pdf.py /tmp/vn-scan-1.pgm > scan.pdf
