#!/usr/bin/env python3
"""Make sample/, the archive a new user indexes first (scripts/run.sh).

From the five seed documents of corpus/ (news pages about công tác dân
vận), cleaned of what the scraper left in them (image file names, layout
words such as "leftcenterrightdel", "In trang", view counters, visit
statistics), split at paragraph boundaries into 14 documents, and written
the way real archives hold them: UTF-8, UTF-16 and Windows-1258 text, the
legacy TCVN3 (ABC) and VNI fonts' encodings, HTML, DOCX, ODT and RTF.
Deterministic: the same input gives the same files.

Usage: scripts/make_sample.py [BUILD_BIN_DIR]   (tu_encode for TCVN3/VNI)
"""
import os
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "corpus")
OUT = os.path.join(ROOT, "sample")
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "bin")

DEBRIS = [
    re.compile(r"^\s*(leftcenterrightdel|Liên quan|Liên kết website|Thống kê truy cập)\s*$"),
    re.compile(r"^\s*[0-9a-f]{12,}\.(jpg|jpeg|png|gif)\s*$", re.I),
    re.compile(r"^\s*Lượt xem:\s*[\d.]+\s*$"),
    re.compile(r"^\s*•?\s*(Đang online|Trong tuần|Trong tháng|Trong năm)?:?\s*[\d.]+\s*$"),
    re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2} (SA|CH)\s*$"),
]


def clean(text):
    lines = []
    for line in text.splitlines():
        line = line.replace("\u00a0", " ").rstrip()
        line = re.sub(r"\s+In trang$", "", line)
        if any(p.match(line) for p in DEBRIS):
            continue
        lines.append(line.strip())
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def split(title, body, parts):
    """BODY's paragraphs in PARTS runs of about equal size."""
    paras = [p for p in re.split(r"\n+", body) if p.strip()]
    total = sum(len(p) for p in paras)
    out, cur, size = [], [], 0
    for p in paras:
        cur.append(p)
        size += len(p)
        if size >= total * (len(out) + 1) / parts and len(out) < parts - 1:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    docs = []
    for k, run in enumerate(out):
        t = title if k == 0 else "%s (tiếp theo, phần %d)" % (title, k + 1)
        docs.append((t, run))
    return docs


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_txt(path, title, paras, enc):
    text = title + "\n\n" + "\n\n".join(paras) + "\n"
    if enc in ("TCVN3", "VNI"):
        data = subprocess.run([os.path.join(BIN, "tu_encode"), enc],
                              input=text.encode(), capture_output=True,
                              check=True).stdout
    elif enc == "UTF-16LE":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif enc == "windows-1258":
        import unicodedata
        # Windows-1258 has â ê ô ơ ư ă đ but writes the five tone marks as
        # combining characters after the letter
        tones = "\u0300\u0301\u0303\u0309\u0323"
        out = []
        for ch in text:
            try:
                ch.encode("cp1258")
                out.append(ch)
                continue
            except UnicodeEncodeError:
                pass
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
            out.append(base + "".join(c for c in d if c in tones))
        data = "".join(out).encode("cp1258")
    else:
        data = text.encode()
    with open(path, "wb") as f:
        f.write(data)


def write_html(path, title, paras):
    body = "".join("<p>%s</p>\n" % esc(p) for p in paras)
    html = ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">\n'
            "<title>%s</title></head>\n<body>\n<h1>%s</h1>\n%s</body></html>\n"
            % (esc(title), esc(title), body))
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


def zip_write(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = (zipfile.ZIP_STORED if name == "mimetype"
                                  else zipfile.ZIP_DEFLATED)
            z.writestr(info, data)


def write_docx(path, title, paras):
    p = '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>' % esc(title)
    p += "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(x)
                 for x in paras)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>%s</w:body></w:document>" % p)
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title></cp:coreProperties>'
            % esc(title))
    zip_write(path, [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
         "</Types>"),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         "</Relationships>"),
        ("word/document.xml", doc),
        ("docProps/core.xml", core),
    ])


def write_odt(path, title, paras):
    body = '<text:h text:outline-level="1">%s</text:h>' % esc(title)
    body += "".join("<text:p>%s</text:p>" % esc(x) for x in paras)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               "<office:body><office:text>%s</office:text></office:body></office:document-content>" % body)
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">'
            "<office:meta><dc:title>%s</dc:title></office:meta></office:document-meta>" % esc(title))
    zip_write(path, [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
         '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
         '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
         "</manifest:manifest>"),
        ("content.xml", content),
        ("meta.xml", meta),
    ])


def rtf_text(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif c < 128:
            out.append(ch)
        else:
            out.append("\\u%d?" % (c if c < 32768 else c - 65536))
    return "".join(out)


def write_rtf(path, title, paras):
    body = "{\\b %s}\\par\n" % rtf_text(title)
    body += "".join("%s\\par\n" % rtf_text(p) for p in paras)
    with open(path, "w", encoding="ascii") as f:
        f.write("{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
                "\\f0\\fs26 %s}\n" % body)


# seed -> (folder, parts, [(format, file name stem)...])
PLAN = [
    ("000_68f44c56ba93236f.txt", "2015-kon-tum", [
        ("txt:UTF-8", "huy-dong-he-thong-chinh-tri"),
        ("txt:TCVN3", "huy-dong-he-thong-chinh-tri-tiep (TCVN3)")]),
    ("001_24417e55f57db368.txt", "2024-ha-nam", [
        ("docx", "Nâng cao chất lượng công tác dân vận"),
        ("html", "nang-cao-chat-luong-2"),
        ("txt:windows-1258", "nang-cao-chat-luong-3 (Windows-1258)")]),
    ("002_b52b9df76fe3e092.txt", "2023-lam-ha", [
        ("odt", "Dân vận khéo Lâm Hà 2023"),
        ("txt:VNI", "dan-van-kheo-lam-ha-2 (VNI)"),
        ("rtf", "dan-van-kheo-lam-ha-3"),
        ("txt:UTF-16LE", "dan-van-kheo-lam-ha-4 (UTF-16)")]),
    ("003_9df7450b690e7905.txt", "2017-bac-kan", [
        ("html", "de-an-06-dan-van-kheo"),
        ("txt:TCVN3", "de-an-06-tiep (TCVN3)")]),
    ("004_a0fd2a124f41bd1d.txt", "2023-krong-pa", [
        ("docx", "Sơ kết chương trình phối hợp 3 huyện giáp ranh"),
        ("txt:VNI", "so-ket-phoi-hop-tiep (VNI)"),
        ("txt:UTF-8", "so-ket-phoi-hop-ket-luan")]),
]


def main():
    n = 0
    for seed, folder, outs in PLAN:
        with open(os.path.join(SEEDS, seed), encoding="utf-8") as f:
            text = clean(f.read())
        title, _, body = text.partition("\n")
        if len(title) > 160:           # no title line: the first sentence
            title = title.split(", ")[0][:120]
            body = text
        os.makedirs(os.path.join(OUT, folder), exist_ok=True)
        for (fmt, stem), (t, paras) in zip(outs, split(title.strip(), body, len(outs))):
            kind, _, enc = fmt.partition(":")
            path = os.path.join(OUT, folder, stem + "." + kind)
            {"txt": lambda: write_txt(path, t, paras, enc),
             "html": lambda: write_html(path, t, paras),
             "docx": lambda: write_docx(path, t, paras),
             "odt": lambda: write_odt(path, t, paras),
             "rtf": lambda: write_rtf(path, t, paras)}[kind]()
            n += 1
    print("sample/: %d documents" % n)


main()
