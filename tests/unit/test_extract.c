/* Extraction: every format from files written here in a fresh folder
 * (DOCX and ODT zipped with libzip, PDFs written by hand), the error
 * cases, and the subprocess runner on its own. */
#include "tu_test.h"
#include "tracuu/extract.h"
#include "encoding/tu_encoders.h"
#include "extract/tu_subproc.h"

#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>
#include <zip.h>

#define S1 "Ban Thường vụ Tỉnh ủy Kon Tum đã tổ chức hội nghị phổ biến, " \
           "quán triệt Nghị quyết số 25-NQ/TW."
#define S2 "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành thực hiện " \
           "công tác dân vận."

static char dir[] = "/tmp/tracuu-test-extract-XXXXXX";
static char pathbuf[512];

static const char *path_of(const char *name)
{
    snprintf(pathbuf, sizeof pathbuf, "%s/%s", dir, name);
    return pathbuf;
}

static const char *write_file(const char *name, const char *data, size_t n)
{
    const char *p = path_of(name);
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(data, 1, n, f) == n);
        fclose(f);
    }
    return p;
}

static const char *write_str(const char *name, const char *s)
{
    return write_file(name, s, strlen(s));
}

/* S with white space runs made one space, trimmed, in NFC, into OUT. */
static const char *squeeze_into(const char *s, char *out, size_t cap)
{
    if (!s)
        return "(null)";
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
    const char *r = nfc ? (const char *)nfc : s;
    size_t w = 0;
    int space = 1;
    for (; *r && w + 1 < cap; r++) {
        if (strchr(" \t\r\n\f\v", *r)) {
            if (!space)
                out[w++] = ' ';
            space = 1;
        } else {
            out[w++] = *r;
            space = 0;
        }
    }
    if (w && out[w - 1] == ' ')
        w--;
    out[w] = '\0';
    free(nfc);
    return out;
}

/* The same into a static buffer (main thread only). */
static const char *squeezed(const char *s)
{
    static char out[65536];
    return squeeze_into(s, out, sizeof out);
}

typedef struct {
    tracuu_extract_t x;
    char *err;
    tracuu_status_t st;
} result_t;

static void run_opts(result_t *r, const char *path,
                     const tracuu_extract_opts_t *o)
{
    memset(r, 0, sizeof *r);
    r->st = tracuu_extract_file(path, o, &r->x, &r->err);
    if (r->st != TRACUU_OK)
        CHECK(r->err != NULL && r->x.text == NULL);
    else
        CHECK(r->err == NULL && r->x.text != NULL &&
              strlen(r->x.text) == r->x.len);
}

static void run1(result_t *r, const char *path)
{
    run_opts(r, path, NULL);
}

static void done(result_t *r)
{
    tracuu_extract_clear(&r->x);
    free(r->err);
    memset(r, 0, sizeof *r);
}

static void test_text(void)
{
    result_t r;
    const char *txt = S1 "\n" S2 "\n";
    run1(&r, write_str("a.txt", txt));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.text, txt);
    CHECK_STR(r.x.format, "txt");
    CHECK_STR(r.x.mime, "text/plain");
    CHECK_STR(r.x.encoding, "UTF-8");
    CHECK_INT(r.x.n_invalid, 0);
    CHECK(r.x.warning == NULL);
    CHECK(r.x.title == NULL);
    done(&r);

    run1(&r, write_str("noext", txt));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.text, txt);
    CHECK_STR(r.x.format, "txt");
    done(&r);

    /* Named .pdf, but text: read as text. */
    run1(&r, write_str("wrong.pdf", txt));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.text, txt);
    CHECK_STR(r.x.format, "txt");
    done(&r);

    /* One invalid byte in UTF-8 text, decoding forced to UTF-8. */
    tracuu_extract_opts_t o = {.force_encoding = "UTF-8"};
    run_opts(&r, write_str("bad.txt", S1 " \xff " S2), &o);
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.text, S1 " \xEF\xBF\xBD " S2);
    CHECK_INT(r.x.n_invalid, 1);
    char want[128];
    snprintf(want, sizeof want, "invalid UTF-8: 1 sequence replaced "
             "(first at byte %zu)", strlen(S1) + 1);
    CHECK_STR(r.x.warning, want);
    done(&r);

    /* Truncated to max_text_bytes at a character boundary: S1 starts
     * "Ban Th" then "ư" (2 bytes); 7 bytes cut inside it. */
    tracuu_extract_opts_t small = {.max_text_bytes = 7};
    run_opts(&r, path_of("a.txt"), &small);
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.text, "Ban Th");
    CHECK_STR(r.x.warning, "only the first 14 bytes of the file read; "
                           "text truncated to 6 bytes");
    done(&r);

    run1(&r, write_str("blank.txt", "  \n\t\n"));
    CHECK_INT(r.st, TRACUU_ERR_EMPTY);
    CHECK_STR(r.err, "no text in the file");
    done(&r);
}

/* Legacy encodings, found by the decoder (tracuu_decode) with no hint. */
static void test_legacy(void)
{
    result_t r;
    size_t n = 0, unmapped = 0;
    const char *body = S1 "\n" S1 "\n";
    char *tcvn = tu_tcvn3_encode(body, strlen(body), &n, &unmapped);
    CHECK(tcvn != NULL && unmapped == 0);
    if (tcvn)
        run1(&r, write_file("tcvn3.txt", tcvn, n));
    free(tcvn);
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "txt");
    CHECK_STR(r.x.encoding, "TCVN3");
    CHECK_STR(squeezed(r.x.text), S1 " " S1);
    CHECK_INT(r.x.n_invalid, 0);
    done(&r);

    /* A VNI page declaring Latin-1, as they did. */
    const char *page = "<html><head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=iso-8859-1\"><title>Tỉnh ủy Kon Tum"
        "</title></head><body><p>" S1 "</p><p>" S2 "</p></body></html>";
    unmapped = 0;
    char *vni = tu_vni_encode(page, strlen(page), &n, &unmapped);
    CHECK(vni != NULL && unmapped == 0);
    if (vni)
        run1(&r, write_file("vni.html", vni, n));
    free(vni);
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "html");
    CHECK_STR(r.x.encoding, "VNI");
    CHECK_STR(squeezed(r.x.title), "Tỉnh ủy Kon Tum");
    CHECK_STR(squeezed(r.x.text), S1 " " S2);
    done(&r);

    /* UTF-16LE without a BOM: libmagic says octet-stream; read as text. */
    char u16[1024];
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)S1 "\n" S2 "\n";
         *p && k + 2 <= sizeof u16;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t m = utf8proc_iterate(p, -1, &cp);
        if (m <= 0)
            break;
        p += m;
        u16[k++] = (char)(cp & 0xff);
        u16[k++] = (char)(cp >> 8);
    }
    run1(&r, write_file("u16.txt", u16, k));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.mime, "application/octet-stream");
    CHECK_STR(r.x.format, "txt");
    CHECK_STR(r.x.encoding, "UTF-16LE");
    CHECK_STR(r.x.text, S1 "\n" S2 "\n");
    CHECK_STR(r.x.warning, "read as text: libmagic said application/octet-stream");
    done(&r);

    /* UTF-8 with one bad byte, not forced: still UTF-8, one replaced. */
    run1(&r, write_str("bad2.txt", S1 "\n" S2 "\n" S1 " \xff " S2 "\n"));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.encoding, "UTF-8");
    CHECK_INT(r.x.n_invalid, 1);
    char want[128];
    snprintf(want, sizeof want, "invalid UTF-8: 1 sequence replaced "
             "(first at byte %zu)", 2 * strlen(S1) + strlen(S2) + 3);
    CHECK_STR(r.x.warning, want);
    done(&r);
}

static void test_errors(void)
{
    result_t r;
    run1(&r, write_str("empty.txt", ""));
    CHECK_INT(r.st, TRACUU_ERR_EMPTY);
    CHECK_STR(r.err, "empty file");
    done(&r);

    /* Random bytes named .pdf: reported with the type, not indexed. */
    char junk[4096];
    uint32_t seed = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        seed = seed * 1103515245u + 12345u;
        junk[i] = (char)(seed >> 16);
    }
    run1(&r, write_file("x.pdf", junk, sizeof junk));
    CHECK_INT(r.st, TRACUU_ERR_UNSUPPORTED);
    CHECK_STR(r.err, "binary file (application/octet-stream), skipped");
    CHECK_STR(r.x.mime, "application/octet-stream");
    done(&r);

    tracuu_extract_opts_t o = {.max_file_bytes = 10};
    run_opts(&r, path_of("a.txt"), &o);
    CHECK_INT(r.st, TRACUU_ERR_TOO_BIG);
    CHECK(r.err && strstr(r.err, "over the limit of 10 bytes"));
    done(&r);

    run1(&r, dir);
    CHECK_INT(r.st, TRACUU_ERR_UNSUPPORTED);
    CHECK_STR(r.err, "not a regular file");
    done(&r);

    run1(&r, path_of("does-not-exist"));
    CHECK_INT(r.st, TRACUU_ERR_IO);
    CHECK_STR(r.err, "No such file or directory");
    done(&r);

    static const char png[] =
        "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0"
        "\x90wS\xde\0\0\0\x0cIDATx\x9c" "c\xf8\xff\xff?\0\x05\xfe\x02\xfe"
        "\xa7\x35\x81\x84\0\0\0\0IEND\xae\x42\x60\x82";
    run1(&r, write_file("scan.png", png, sizeof png - 1));
    CHECK_INT(r.st, TRACUU_ERR_UNSUPPORTED);
    CHECK_STR(r.err, "image (image/png): use --ocr");
    CHECK_STR(r.x.mime, "image/png");
    done(&r);

    CHECK_INT(tracuu_extract_file(NULL, NULL, &r.x, &r.err),
              TRACUU_ERR_INVALID_ARG);
    done(&r);
}

static void test_html(void)
{
    result_t r;
    run1(&r, write_str("page.html",
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
        "<title>  Báo cáo\n  kết quả </title>\n"
        "<style>p { color: red }</style>\n"
        "<script>var x = \"Đảng <p>\";</script></head>\n"
        "<body><h1>Tiêu đề</h1><p>Câu một&nbsp;có &amp; ký hiệu &lt;b&gt;"
        " &#7911;y &eacute;.</p><p>Câu\n   hai</p><noscript>NOSCRIPT</noscript>"
        "<template>TEMPLATE</template>"
        "<ul><li>Mục một</li><li>Mục hai</li></ul>dòng<br>mới"
        "<table><tr><td>ô 1</td><td>ô 2</td></tr></table></body></html>\n"));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "html");
    CHECK_STR(r.x.mime, "text/html");
    CHECK_STR(r.x.title, "Báo cáo kết quả");
    CHECK_STR(r.x.text, "Tiêu đề\nCâu một\xc2\xa0" "có & ký hiệu <b> ủy é.\n"
                        "Câu hai\nMục một\nMục hai\ndòng\nmới\nô 1\nô 2");
    done(&r);

    /* Windows-1258 page (decomposed marks), declared in http-equiv. */
    const char *body = "<html><head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=windows-1258\"><title>Nghị quyết"
        "</title></head><body><p>" S1 "</p><p>" S2 "</p></body></html>";
    char enc[4096];
    iconv_t cd = iconv_open("WINDOWS-1258", "UTF-8");
    CHECK(cd != (iconv_t)-1);
    char *in = (char *)body, *out = enc;
    size_t il = strlen(body), ol = sizeof enc;
    CHECK(iconv(cd, &in, &il, &out, &ol) != (size_t)-1 && il == 0);
    iconv_close(cd);
    CHECK(memchr(enc, '\xd2', (size_t)(out - enc)) != NULL); /* a mark */
    run1(&r, write_file("cp1258.html", enc, (size_t)(out - enc)));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.encoding, "WINDOWS-1258");
    CHECK_STR(squeezed(r.x.title), "Nghị quyết");
    CHECK_STR(squeezed(r.x.text), S1 " " S2);
    done(&r);

    run1(&r, write_str("page.xhtml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
        "<title>Kết luận</title></head><body><p>" S1 "</p><div>" S2
        "</div></body></html>\n"));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "html");
    CHECK_STR(r.x.title, "Kết luận");
    CHECK_STR(r.x.text, S1 "\n" S2);
    done(&r);
}

static void add_entry(zip_t *z, const char *name, const char *data)
{
    zip_source_t *s = zip_source_buffer(z, data, strlen(data), 0);
    CHECK(s != NULL);
    zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8);
    CHECK(i >= 0);
    if (i < 0)
        zip_source_free(s);
    else if (!strcmp(name, "mimetype"))
        zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* Zip NAMES[i] = DATA[i] (N entries) into FILE. */
static const char *make_zip(const char *file, const char *const *names,
                            const char *const *data, size_t n)
{
    const char *p = path_of(file);
    int err = 0;
    zip_t *z = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &err);
    CHECK(z != NULL);
    if (!z)
        return p;
    for (size_t i = 0; i < n; i++)
        add_entry(z, names[i], data[i]);
    CHECK(zip_close(z) == 0);
    return p;
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char docx_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";
static const char docx_doc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document " W_NS "><w:body>"
    "<w:p><w:r><w:t>Ban Thường vụ Tỉnh </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
    "<w:t>ủy</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Kon Tum</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Cột 1</w:t><w:tab/><w:t>Cột 2</w:t></w:r></w:p>"
    "<w:p/>"
    "<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>Dòng hai &amp; &lt;ba&gt;</w:t>"
    "<w:delText>XÓA</w:delText></w:r></w:p>"
    "</w:body></w:document>";
static const char docx_core[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
    "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:title>Báo cáo sơ kết</dc:title></cp:coreProperties>";
#define DOCX_TEXT "Ban Thường vụ Tỉnh ủy Kon Tum\nCột 1\tCột 2\n\n" \
                  "Dòng một\nDòng hai & <ba>\n"

static void test_docx(void)
{
    result_t r;
    const char *names[] = {"[Content_Types].xml", "word/document.xml",
                           "docProps/core.xml"};
    const char *data[] = {docx_types, docx_doc, docx_core};
    run1(&r, make_zip("a.docx", names, data, 3));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "docx");
    CHECK_STR(r.x.text, DOCX_TEXT);
    CHECK_STR(r.x.title, "Báo cáo sơ kết");
    done(&r);

    /* A docx libmagic calls a plain zip: found by looking inside. */
    const char *names2[] = {"aaa.txt", "word/document.xml"};
    const char *data2[] = {"x", docx_doc};
    run1(&r, make_zip("b.zip", names2, data2, 2));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "docx");
    CHECK_STR(r.x.text, DOCX_TEXT);
    CHECK(r.x.title == NULL);
    done(&r);

    const char *names3[] = {"aaa.txt"};
    const char *data3[] = {"x"};
    /* A plain zip is an archive: its text names its members, which are
     * handed on (tracuu_extract_walk extracts each as a document). */
    run1(&r, make_zip("c.zip", names3, data3, 1));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "zip");
    CHECK(r.x.container == 1);
    CHECK_INT(r.x.n_members, 1);
    CHECK_STR(r.x.members[0].name, "aaa.txt");
    CHECK_INT(r.x.members[0].len, 1);
    CHECK_STR(r.x.text, "aaa.txt\n");
    done(&r);

    /* Zip bomb guard: document.xml over 4 x max_text_bytes. */
    tracuu_extract_opts_t o = {.max_text_bytes = 100};
    run_opts(&r, path_of("a.docx"), &o);
    CHECK_INT(r.st, TRACUU_ERR_TOO_BIG);
    CHECK(r.err && strstr(r.err, "word/document.xml") &&
          strstr(r.err, "over the limit of 400"));
    done(&r);
}

#define T_NS "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
#define O_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""

static void test_odt(void)
{
    static const char content[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document-content " O_NS " " T_NS "><office:body><office:text>"
        "<text:h text:outline-level=\"1\">Kế hoạch</text:h>"
        "<text:p>Ủy ban <text:span>nhân dân</text:span> tỉnh</text:p>"
        "<text:p>a<text:s text:c=\"3\"/>b<text:tab/>c<text:line-break/>d"
        "<text:s/>e</text:p>"
        "</office:text></office:body></office:document-content>";
    static const char meta[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document-meta " O_NS " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<office:meta><dc:title>Kế hoạch dân vận</dc:title></office:meta>"
        "</office:document-meta>";
    const char *names[] = {"mimetype", "content.xml", "meta.xml"};
    const char *data[] = {"application/vnd.oasis.opendocument.text", content,
                          meta};
    result_t r;
    run1(&r, make_zip("a.odt", names, data, 3));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "odt");
    CHECK_STR(r.x.mime, "application/vnd.oasis.opendocument.text");
    CHECK_STR(r.x.text, "Kế hoạch\nỦy ban nhân dân tỉnh\na   b\tc\nd e\n");
    CHECK_STR(r.x.title, "Kế hoạch dân vận");
    done(&r);
}

/* A one-page PDF whose Helvetica text uses single-byte codes, with a
 * ToUnicode CMap mapping codes 0x80.. to the Vietnamese letters of TEXT. */
static const char *make_pdf(const char *file, const char *text,
                            const char *title_utf16hex)
{
    static char pdf[16384];
    uint32_t cps[128];
    size_t ncp = 0;
    char codes[1024];
    size_t nc = 0;
    for (const unsigned char *s = (const unsigned char *)text; *s;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s, -1, &cp);
        CHECK(k > 0);
        if (k <= 0)
            break;
        s += k;
        unsigned code = (unsigned)cp;
        if (cp >= 0x80) {
            size_t i;
            for (i = 0; i < ncp && cps[i] != (uint32_t)cp; i++)
                ;
            if (i == ncp && ncp < 128)
                cps[ncp++] = (uint32_t)cp;
            code = 0x80 + (unsigned)i;
        }
        if (code == '(' || code == ')' || code == '\\')
            nc += (size_t)snprintf(codes + nc, sizeof codes - nc, "\\%c", code);
        else
            nc += (size_t)snprintf(codes + nc, sizeof codes - nc, "\\%03o", code);
    }
    char cmap[8192];
    size_t cm = (size_t)snprintf(cmap, sizeof cmap,
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        "1 beginbfrange <20> <7E> <0020> endbfrange\n");
    if (ncp) {
        cm += (size_t)snprintf(cmap + cm, sizeof cmap - cm, "%zu beginbfchar\n", ncp);
        for (size_t i = 0; i < ncp; i++)
            cm += (size_t)snprintf(cmap + cm, sizeof cmap - cm, "<%02zX> <%04X>\n",
                                   0x80 + i, (unsigned)cps[i]);
        cm += (size_t)snprintf(cmap + cm, sizeof cmap - cm, "endbfchar\n");
    }
    cm += (size_t)snprintf(cmap + cm, sizeof cmap - cm,
        "endcmap CMapName currentdict /CMap defineresource pop end end\n");
    char content[2048];
    size_t cl = *text ? (size_t)snprintf(content, sizeof content,
                                         "BT /F1 12 Tf 10 50 Td (%s) Tj ET\n", codes)
                      : 0;
    content[cl] = '\0';

    size_t off[8], n = 0;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n, "%%PDF-1.4\n");
    off[1] = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    off[2] = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
    off[3] = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 600 100] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n");
    off[4] = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        "/ToUnicode 6 0 R >> endobj\n");
    off[5] = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "5 0 obj << /Length %zu >> stream\n%sendstream endobj\n", cl, content);
    off[6] = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "6 0 obj << /Length %zu >> stream\n%sendstream endobj\n", cm, cmap);
    off[7] = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "7 0 obj << /Title <%s> >> endobj\n", title_utf16hex);
    size_t xref = n;
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
                          "xref\n0 8\n0000000000 65535 f \n");
    for (int i = 1; i <= 7; i++)
        n += (size_t)snprintf(pdf + n, sizeof pdf - n, "%010zu 00000 n \n", off[i]);
    n += (size_t)snprintf(pdf + n, sizeof pdf - n,
        "trailer << /Size 8 /Root 1 0 R /Info 7 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
        xref);
    CHECK(n < sizeof pdf);
    return write_file(file, pdf, n);
}

static void test_pdf(void)
{
    if (!tu_subproc_have("pdftotext")) {
        fprintf(stderr, "SKIP PDF tests: pdftotext not installed "
                "(apt-get install poppler-utils)\n");
        return;
    }
    result_t r;
    /* "Báo cáo" in UTF-16BE with a BOM. */
    run1(&r, make_pdf("a.pdf", S1, "FEFF004200E1006F0020006300E1006F"));
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "pdf");
    CHECK_STR(r.x.mime, "application/pdf");
    CHECK_STR(squeezed(r.x.text), S1);
    CHECK_STR(r.x.title, "Báo cáo");
    done(&r);

    /* No text layer. */
    run1(&r, make_pdf("scan.pdf", "", "FEFF0041"));
    CHECK_INT(r.st, TRACUU_ERR_UNSUPPORTED);
    CHECK_STR(r.err, "scanned PDF without a text layer: use --ocr");
    done(&r);
}

static void test_rtf(void)
{
    result_t r;
    static const char rtf[] =
        "{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times New Roman;}}\\f0 "
        "Ngh\\u7883?\\u8203? quy\\u7871?t s\\u7889? 25 c\\u7911?a Ban "
        "Ch\\u7845?p h\\u224?nh \\u272?\\u7843?ng.\\par Hai ba\\par}";
    run1(&r, write_str("a.rtf", rtf));
    if (r.st == TRACUU_ERR_HELPER_MISSING) {
        fprintf(stderr, "SKIP RTF test: %s\n", r.err);
        done(&r);
        return;
    }
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "rtf");
    CHECK_STR(r.x.mime, "text/rtf");
    CHECK_STR(squeezed(r.x.text),
              "Nghị\xe2\x80\x8b quyết số 25 của Ban Chấp hành Đảng. Hai ba");
    done(&r);

    /* A path that looks like an option is not taken for one. */
    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK(chdir(dir) == 0);
    write_str("-dash.rtf", rtf);
    run1(&r, "-dash.rtf");
    CHECK_INT(r.st, TRACUU_OK);
    CHECK(r.x.text && strstr(r.x.text, "Hai ba"));
    done(&r);
    CHECK(chdir(cwd) == 0);
}

#define VN1 "Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng."
#define VN2 "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành thực hiện " \
            "công tác dân vận."

static const char *fixture(const char *name)
{
    static char p[1024];
    snprintf(p, sizeof p, "%s/tests/data/extract/%s", tu_test_srcdir, name);
    return p;
}

/* Fixtures written by LibreOffice (tests/data/extract/make.sh). */
static void test_fixtures(void)
{
    result_t r;
    run1(&r, fixture("vn.doc"));
    if (r.st == TRACUU_ERR_HELPER_MISSING) {
        fprintf(stderr, "SKIP .doc test: %s\n", r.err);
    } else {
        CHECK_INT(r.st, TRACUU_OK);
        CHECK_STR(r.x.format, "doc");
        CHECK_STR(r.x.mime, "application/msword");
        CHECK_STR(squeezed(r.x.text), VN1 " " VN2);
    }
    done(&r);

    /* A page image without a text layer, read by OCR. */
    if (!tu_subproc_have("tesseract") || !tu_subproc_have("pdftoppm")) {
        fprintf(stderr, "SKIP OCR test: install tesseract-ocr, "
                "tesseract-ocr-vie and poppler-utils\n");
        return;
    }
    tracuu_extract_opts_t o = {.ocr = 1};
    run_opts(&r, fixture("scan.pdf"), &o);
    CHECK_INT(r.st, TRACUU_OK);
    CHECK_STR(r.x.format, "ocr");
    CHECK_STR(r.x.mime, "application/pdf");
    CHECK_STR(squeezed(r.x.text), VN1 " " VN2);
    done(&r);
}

/* Each worker reads the DOCX (libzip, libxml2's reader), the HTML page
 * (libxml2's HTML parser) and the PDF (pdftotext, forked from a thread). */
static char thread_paths[3][512];

static void *worker(void *arg)
{
    (void)arg;
    long bad = 0;
    for (int i = 0; i < 12; i++) {
        tracuu_extract_t x = {0};
        char *err = NULL;
        int k = i % 3;
        char got[4096], want[4096];
        squeeze_into(k == 0 ? DOCX_TEXT : k == 1 ? S1 " " S2 : S1, want,
                     sizeof want);
        if (tracuu_extract_file(thread_paths[k], NULL, &x, &err) != TRACUU_OK ||
            strcmp(squeeze_into(x.text, got, sizeof got), want) != 0)
            bad++;
        tracuu_extract_clear(&x);
        free(err);
    }
    return (void *)bad;
}

static void test_threads(void)
{
    const char *names[3] = {"a.docx", "cp1258.html", "a.pdf"};
    for (int i = 0; i < 3; i++)
        snprintf(thread_paths[i], sizeof thread_paths[i], "%s", path_of(names[i]));
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        CHECK(pthread_create(&t[i], NULL, worker, NULL) == 0);
    for (int i = 0; i < 2; i++) {
        void *bad = NULL;
        CHECK(pthread_join(t[i], &bad) == 0);
        CHECK(bad == NULL);
    }
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static tracuu_status_t sub(const char *const *argv, size_t max_out,
                           unsigned ms, tu_subproc_res_t *res, char **err)
{
    tu_subproc_req_t req = {.argv = argv, .package = "xyz-pkg",
                            .max_out = max_out, .timeout_ms = ms};
    memset(res, 0, sizeof *res);
    *err = NULL;
    return tu_subproc_run(&req, res, err);
}

static void sub_done(tu_subproc_res_t *res, char **err)
{
    tu_subproc_res_clear(res);
    free(*err);
    *err = NULL;
}

static void test_subproc(void)
{
    tu_subproc_res_t res;
    char *err;

    const char *sleep10[] = {"sleep", "10", NULL};
    double t0 = now_s();
    CHECK_INT(sub(sleep10, 0, 1000, &res, &err), TRACUU_ERR_TIMEOUT);
    double dt = now_s() - t0;
    CHECK(dt >= 0.9 && dt < 1.5);
    CHECK_STR(err, "sleep timed out after 1.0 s");
    CHECK_INT(res.term_signal, 9);
    sub_done(&res, &err);

    /* A grandchild holding the pipe, and a child that closed it. */
    const char *bg[] = {"sh", "-c", "sleep 10 & sleep 10", NULL};
    t0 = now_s();
    CHECK_INT(sub(bg, 0, 300, &res, &err), TRACUU_ERR_TIMEOUT);
    CHECK(now_s() - t0 < 1.0);
    sub_done(&res, &err);
    const char *closed[] = {"sh", "-c", "exec >&- 2>&-; sleep 10", NULL};
    t0 = now_s();
    CHECK_INT(sub(closed, 0, 300, &res, &err), TRACUU_ERR_TIMEOUT);
    CHECK(now_s() - t0 < 1.0);
    sub_done(&res, &err);

    const char *missing[] = {"no-such-helper-xyz", "a", NULL};
    CHECK_INT(sub(missing, 0, 1000, &res, &err), TRACUU_ERR_HELPER_MISSING);
    CHECK_STR(err, "no-such-helper-xyz not found: install xyz-pkg");
    sub_done(&res, &err);

    const char *yes[] = {"yes", NULL};
    CHECK_INT(sub(yes, 1000, 5000, &res, &err), TRACUU_ERR_TOO_BIG);
    CHECK_INT(res.out_len, 1000);
    CHECK_INT(res.truncated, 1);
    CHECK(res.out && strncmp(res.out, "y\ny\n", 4) == 0);
    CHECK_STR(err, "yes output over 1000 bytes");
    sub_done(&res, &err);

    const char *fail[] = {"sh", "-c", "echo out; echo 'oops: bad\nmore' >&2; "
                          "exit 3", NULL};
    CHECK_INT(sub(fail, 0, 5000, &res, &err), TRACUU_ERR_HELPER_FAILED);
    CHECK_STR(err, "sh failed (exit 3): oops: bad");
    CHECK_INT(res.exit_code, 3);
    CHECK_STR(res.out, "out\n");
    sub_done(&res, &err);

    /* Arguments go as they are, no shell; stdin is /dev/null. */
    const char *echo[] = {"printf", "%s|", "a b", "$HOME", "*", NULL};
    CHECK_INT(sub(echo, 0, 5000, &res, &err), TRACUU_OK);
    CHECK_STR(res.out, "a b|$HOME|*|");
    CHECK(err == NULL);
    sub_done(&res, &err);
    const char *cat[] = {"cat", NULL};
    CHECK_INT(sub(cat, 0, 5000, &res, &err), TRACUU_OK);
    CHECK_STR(res.out, "");
    CHECK_INT(res.out_len, 0);
    sub_done(&res, &err);

    /* Environment additions replace or add. */
    const char *envs[] = {"sh", "-c", "echo \"$TU_A $TU_B\"", NULL};
    const char *add[] = {"TU_A=1", "TU_B=x y", NULL};
    setenv("TU_A", "0", 1);
    tu_subproc_req_t req = {.argv = envs, .env = add};
    memset(&res, 0, sizeof res);
    err = NULL;
    CHECK_INT(tu_subproc_run(&req, &res, &err), TRACUU_OK);
    CHECK_STR(res.out, "1 x y\n");
    sub_done(&res, &err);
    unsetenv("TU_A");

    /* Only 0, 1, 2 reach the child. */
    const char *fds[] = {"sh", "-c", "ls /proc/self/fd | wc -l", NULL};
    CHECK_INT(sub(fds, 0, 5000, &res, &err), TRACUU_OK);
    CHECK_STR(res.out, "4\n");   /* 0, 1, 2 and the one ls reads it with */
    sub_done(&res, &err);
}

void tu_test_main(void)
{
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    test_subproc();
    test_text();
    test_legacy();
    test_errors();
    test_html();
    test_docx();
    test_odt();
    test_pdf();
    test_rtf();
    test_fixtures();
    test_threads();
    tracuu_extract_thread_cleanup();

    const char *names[] = {"a.txt", "noext", "wrong.pdf", "bad.txt", "blank.txt",
                           "empty.txt", "x.pdf", "scan.png", "page.html",
                           "cp1258.html", "page.xhtml", "a.docx", "b.zip",
                           "c.zip", "a.odt", "a.pdf", "scan.pdf", "a.rtf",
                           "-dash.rtf", "tcvn3.txt", "vni.html", "bad2.txt", "u16.txt"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(path_of(names[i]));
    CHECK(rmdir(dir) == 0);
}
