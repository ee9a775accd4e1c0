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
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
                   'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>%s</w:t>'
                   '</w:r></w:p><w:p><w:r><w:tab/><w:t xml:space="preserve"> hai </w:t></w:r></w:p>'
                   '</w:body></w:document>' % text)
        z.writestr("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Báo cáo</dc:title></cp:coreProperties>')
    return b.getvalue()

def odt(text):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                   '<office:text><text:h>Tiêu đề</text:h><text:p>%s<text:s text:c="3"/>x<text:tab/>'
                   '</text:p></office:text></office:body></office:document-content>' % text)
        z.writestr("meta.xml", '<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:'
                   'names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   '<office:meta><dc:title>Kế hoạch</dc:title></office:meta></office:document-meta>')
    return b.getvalue()

def zipof(members):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for n, d in members:
            z.writestr(n, d)
    return b.getvalue()

put("fuzz_extract_file", "docx", b"\x02" + docx(texts[0][:300]))
put("fuzz_extract_file", "odt", b"\x03" + odt(texts[1][:300]))
put("fuzz_extract_file", "zip", b"\x04" + zipof([("a.txt", texts[2][:200].encode()),
                                                  ("b/c.html", pages[0].encode()),
                                                  ("d.docx", docx("trong zip"))]))
put("fuzz_extract_file", "txt", b"\x00" + texts[3].encode("utf-8"))
put("fuzz_extract_file", "txt1258", b"\x00" + texts[4].encode("cp1258", "replace"))

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
