#!/usr/bin/env python3
"""Writes scan.pdf: vn.txt rendered (LibreOffice -> PDF -> pdftoppm -r 150
-gray) and wrapped as one image-only page: a PDF without a text layer.
Usage: make_scan_pdf.py PAGE.pgm > scan.pdf"""
import sys
import zlib

pgm = open(sys.argv[1], 'rb').read()
magic, size, _maxval, data = pgm.split(b'\n', 3)
assert magic == b'P5'
w, h = map(int, size.split())
z = zlib.compress(data)
pw, ph = w * 72 // 150, h * 72 // 150
out = b'%PDF-1.4\n'
offs = []


def add(b):
    global out
    offs.append(len(out))
    out += b


add(b'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n')
add(b'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n')
add(b'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] '
    b'/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >> endobj\n'
    % (pw, ph))
add(b'4 0 obj << /Type /XObject /Subtype /Image /Width %d /Height %d '
    b'/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode '
    b'/Length %d >> stream\n' % (w, h, len(z)) + z + b'\nendstream endobj\n')
c = b'q %d 0 0 %d 0 0 cm /Im1 Do Q' % (pw, ph)
add(b'5 0 obj << /Length %d >> stream\n' % len(c) + c + b'\nendstream endobj\n')
x = len(out)
out += b'xref\n0 6\n0000000000 65535 f \n'
out += b''.join(b'%010d 00000 n \n' % o for o in offs)
out += b'trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % x
sys.stdout.buffer.write(out)
