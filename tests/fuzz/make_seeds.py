#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets (tests/fuzz/corpus/TARGET/)
from the material the tests use: the sample archive (corpus/*.txt), the
documents and pages the integration tests generate, the queries of the
query tests and CGI parameters.  Run from anywhere; rewrites the folders."""
import glob, io, os, shutil, sys, zipfile

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.dirname(os.path.dirname(here))
out = os.path.join(here, "corpus")
texts = []
for p in sorted(glob.glob(os.path.join(src, "corpus", "*.txt"))):
    t = open(p, encoding="utf-8").read()
    texts += [t[:1500], t[1500:3000]]
texts.append(open(os.path.join(src, "tests/data/extract/vn.txt"), encoding="utf-8").read())
texts += ["Số: 25-NQ/TW ngày 03-6-2013", "61/2018/NĐ-CP; 16/CT-TTg; 01-CTrPH/BDVHU",
          "Thứ Năm, 18/7/2024", "ngày 05 tháng 01 năm 2023", "hoà hòa thuỷ thủy uỷ ủy khoẻ khỏe",
          "mô hình “Dân vận khéo”", "dân tộc thiểu số (DTTS)", "KT-XH, LLVT, QCDC, HĐND, UBND"]

def zw(z, name, data):
    """A zip member with a fixed date: the same seeds on every run."""
    z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)

def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, name), "wb").write(data if isinstance(data, bytes) else data.encode("utf-8"))

shutil.rmtree(out, ignore_errors=True)
for i, t in enumerate(texts):
    for target in ("fuzz_normalize", "fuzz_tokenize", "fuzz_knowledge"):
        put(target, "t%02d" % i, t)
    # decode: first byte selects hint/force
    put("fuzz_decode", "u%02d" % i, b"\x00" + t.encode("utf-8"))
    try:
        put("fuzz_decode", "w%02d" % i, b"\x05" + t.encode("cp1258"))
    except UnicodeEncodeError:
        pass
    put("fuzz_decode", "b%02d" % i, b"\x07" + t.encode("utf-16-le"))
    put("fuzz_decode", "f%02d" % i, b"\x90" + t.encode("utf-8"))
put("fuzz_normalize", "nfd", "Đa\u0300ng u\u0309y hoa\u0300 ho\u0300a")
put("fuzz_normalize", "bad", b"\xff\xfe\xc3\x28 \xe1\xba\xa1 \xed\xa0\x80")

pages = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trang tin</title></head>'
    "<body><h1>Trang tin huyện</h1><p>Hội nghị sơ kết công tác.</p><pre>  giữ   nguyên </pre></body></html>",
    '<?xml version="1.0" encoding="windows-1258"?><html><body><p>' ,
    "<html><head><meta http-equiv=Content-Type content='text/html; charset=TCVN3'><script>x()</script>"
    "<style>p{}</style></head><body><table><tr><td>Ban</td><td>Th\xb8i</td></tr></table></body></html>",
    "<div>" * 40 + "sâu" + "</div>" * 40,
    "<p>a<br>b<li>c<noscript>d</noscript><template>e</template>&amp;&#x1EA1;&nbsp;</p>",
]
for i, p in enumerate(pages):
    data = p.encode("latin-1", "replace") if "TCVN3" in p else p.encode("utf-8")
    put("fuzz_extract_html", "p%02d" % i, data)
    put("fuzz_extract_file", "h%02d" % i, b"\x01" + data)

def docx(text):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        zw(z, "[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zw(z, "word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
                   'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>%s</w:t>'
                   '</w:r></w:p><w:p><w:r><w:tab/><w:t xml:space="preserve"> hai </w:t></w:r></w:p>'
                   '</w:body></w:document>' % text)
        zw(z, "docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Báo cáo</dc:title></cp:coreProperties>')
    return b.getvalue()

def odt(text):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        zw(z, "mimetype", "application/vnd.oasis.opendocument.text")
        zw(z, "content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                   '<office:text><text:h>Tiêu đề</text:h><text:p>%s<text:s text:c="3"/>x<text:tab/>'
                   '</text:p></office:text></office:body></office:document-content>' % text)
        zw(z, "meta.xml", '<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:'
                   'names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   '<office:meta><dc:title>Kế hoạch</dc:title></office:meta></office:document-meta>')
    return b.getvalue()

def zipof(members):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for n, d in members:
            zw(z, n, d)
    return b.getvalue()

put("fuzz_extract_file", "docx", b"\x02" + docx(texts[0][:300]))
put("fuzz_extract_file", "odt", b"\x03" + odt(texts[1][:300]))
put("fuzz_extract_file", "zip", b"\x04" + zipof([("a.txt", texts[2][:200].encode()),
                                                  ("b/c.html", pages[0].encode()),
                                                  ("d.docx", docx("trong zip"))]))
put("fuzz_extract_file", "txt", b"\x00" + texts[3].encode("utf-8"))
put("fuzz_extract_file", "txt1258", b"\x00" + texts[4].encode("cp1258", "replace"))
# the formats of issue 10: spreadsheets, slides, archives, mail (selector
# bytes 5..11 of fuzz_extract_file.c)
def xlsx(text):
    return zipof([("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
                  ("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxml'
                   'formats.org/spreadsheetml/2006/main"><sheets><sheet name="Tổng hợp" sheetId="1"/>'
                   '</sheets></workbook>'),
                  ("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst><si><t>%s</t>'
                   '</si><si><r><t>Huyện</t></r><r><t> ủy</t></r></si></sst>' % text),
                  ("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet><sheetData><row r="1">'
                   '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>2.450</v></c>'
                   '<c r="D1" t="inlineStr"><is><t>Dân vận</t></is></c></row></sheetData></worksheet>')])
def pptx(text):
    return zipof([("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
                  ("ppt/slides/slide1.xml", '<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="p" '
                   'xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>%s</a:t></a:r></a:p>'
                   '</p:txBody></p:sp></p:spTree></p:cSld></p:sld>' % text),
                  ("ppt/slides/slide2.xml", '<?xml version="1.0"?><p:sld xmlns:p="p" xmlns:a="a"><a:t>'
                   'Mô hình “Dân vận khéo”</a:t></p:sld>')])
def odf(mime, body):
    return zipof([("mimetype", mime),
                  ("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                   'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>%s'
                   '</office:body></office:document-content>' % body)])
def tarof(members):
    import tarfile
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for n, d in members:
            info = tarfile.TarInfo(n)
            info.size = len(d)
            info.mtime = 0
            t.addfile(info, io.BytesIO(d))
    return b.getvalue()
mail = ("From: Văn phòng <vp@example.vn>\r\nTo: a@example.vn\r\n"
        "Subject: =?UTF-8?B?%s?=\r\nDate: Thu, 18 Jul 2024 08:00:00 +0700\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        "K=E1=BA=BF ho=E1=BA=A1ch tri=E1=BB=83n khai\r\n--b1\r\n"
        "Content-Type: text/html; charset=utf-8\r\nContent-Disposition: attachment; filename=\"a.html\"\r\n\r\n"
        "<p>Đính kèm</p>\r\n--b1--\r\n")
import base64
mail = mail % base64.b64encode("Báo cáo tháng 7".encode()).decode()
put("fuzz_extract_file", "xlsx", b"\x05" + xlsx(texts[5][:300]))
put("fuzz_extract_file", "pptx", b"\x06" + pptx(texts[6][:300]))
put("fuzz_extract_file", "ods", b"\x07" + odf("application/vnd.oasis.opendocument.spreadsheet",
    '<office:spreadsheet><table:table table:name="Bảng 1"><table:table-row><table:table-cell>'
    '<text:p>%s</text:p></table:table-cell><table:table-cell table:number-columns-repeated="3">'
    '<text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>'
    % texts[7][:200]))
put("fuzz_extract_file", "odp", b"\x08" + odf("application/vnd.oasis.opendocument.presentation",
    '<office:presentation><draw:page draw:name="Trang 1"><draw:frame><draw:text-box><text:p>%s'
    '</text:p></draw:text-box></draw:frame></draw:page></office:presentation>' % texts[8][:200]))
put("fuzz_extract_file", "tar", b"\x09" + tarof([("bao-cao.txt", texts[9][:300].encode()),
                                                  ("thu muc/trang.html", pages[0].encode())]))
put("fuzz_extract_file", "eml", b"\x0a" + mail.encode("utf-8"))
put("fuzz_extract_file", "mbox", b"\x0b" + ("From vp@example.vn Thu Jul 18 08:00:00 2024\n" +
    mail.replace("\r\n", "\n") + "\nFrom a@example.vn Fri Jul 19 09:00:00 2024\n"
    "Subject: Thư hai\n\n>From đầu dòng\nNội dung thư hai.\n").encode("utf-8"))

queries = ["dan van kheo", '"dân vận khéo"', "kheo OR gioi", "huyen uy NOT lam", "huyen uy -lam",
           "(tinh uy OR huyen uy) dan van", 'title:"báo cáo"', "so:25-NQ/TW", "so:61/2018/ND-CP",
           "loai:NQ coquan:TW", "nam:2021..2023", "ngay:2021-01-01..2022-12-31", "ngay:..2022",
           'mohinh:"Dân vận khéo"', "dinhdang:pdf mahoa:tcvn3", 'thumuc:"Lâm Hà"',
           "thumuc:/srv/luutru/2023", "DTTS", "daan vaajn khesso", "da6n va65n khe1o", "((a", "\"a",
           "title:", "nam:20x3", "-", "AND OR NOT"]
for i, q in enumerate(queries):
    put("fuzz_query", "q%02d" % i, q)
qss = ["q=dan+van+kheo", "q=%C4%91%E1%BA%A3ng&page=2&sort=date", "doc=7&q=dan", "format=json&q=x",
       "type=NQ&issuer=TW&year=2023&model=D%C3%A2n+v%E1%BA%ADn+kh%C3%A9o", "asset=css", "q=%FF",
       "q=%zz", "q=a&q=b", "page=0", "page=1001", "q=" + "a" * 3000, "evil=%3Cscript%3E", "q=%00",
       "sort=relevance&page=3&format=html"]
for i, q in enumerate(qss):
    put("fuzz_cgi_params", "s%02d" % i, q)
print("seeds written to", out)
