/* DOCX and ODT: zip (libzip) of XML parts (libxml2's streaming reader).
 * Every entry read is bounded: one whose uncompressed size is over
 * 4 x max_text_bytes is refused (zip bombs), whatever its header says. */
#include "extract/tu_extractors.h"
#include "base/tu_buf.h"

#include <errno.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define MIME_ODT "application/vnd.oasis.opendocument.text"
#define MAX_SPACES 1000

static tracuu_status_t open_zip(const tu_extract_src_t *src, zip_t **za,
                                char **errmsg)
{
    int fd = dup(src->fd);
    if (fd < 0) {
        tu_extract_errf(errmsg, "dup: %s", strerror(errno));
        return TRACUU_ERR_IO;
    }
    if (lseek(fd, 0, SEEK_SET) < 0) {
        close(fd);
        tu_extract_errf(errmsg, "lseek: %s", strerror(errno));
        return TRACUU_ERR_IO;
    }
    int zerr = 0;
    *za = zip_fdopen(fd, ZIP_RDONLY, &zerr);
    if (!*za) {
        close(fd);
        zip_error_t e;
        zip_error_init_with_code(&e, zerr);
        tu_extract_errf(errmsg, "damaged zip archive (%s): %s", src->mime,
                        zip_error_strerror(&e));
        zip_error_fini(&e);
        return TRACUU_ERR_UNSUPPORTED;
    }
    return TRACUU_OK;
}

/* Read entry NAME (at most MAX bytes) into *BUF (malloc'd, NUL-terminated).
 * Returns TRACUU_OK, TRACUU_ERR_NOT_FOUND, TRACUU_ERR_TOO_BIG,
 * TRACUU_ERR_UNSUPPORTED (damaged), TRACUU_ERR_NOMEM. */
static tracuu_status_t read_entry(zip_t *za, const char *name, size_t max,
                                  char **buf, size_t *len, char **errmsg)
{
    *buf = NULL;
    *len = 0;
    zip_int64_t idx = zip_name_locate(za, name, 0);
    if (idx < 0)
        return TRACUU_ERR_NOT_FOUND;
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat_index(za, (zip_uint64_t)idx, 0, &zs) == 0 &&
        (zs.valid & ZIP_STAT_SIZE) && zs.size > max) {
        tu_extract_errf(errmsg, "zip entry %s is %llu bytes uncompressed, "
                        "over the limit of %zu", name,
                        (unsigned long long)zs.size, max);
        return TRACUU_ERR_TOO_BIG;
    }
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf) {
        tu_extract_errf(errmsg, "cannot open zip entry %s: %s", name,
                        zip_strerror(za));
        return TRACUU_ERR_UNSUPPORTED;
    }
    tu_buf_t b;
    tu_buf_init(&b, max);
    char chunk[16384];
    tracuu_status_t st = TRACUU_OK;
    for (;;) {
        zip_int64_t r = zip_fread(zf, chunk, sizeof chunk);
        if (r < 0) {
            tu_extract_errf(errmsg, "damaged zip entry %s: %s", name,
                            zip_file_strerror(zf));
            st = TRACUU_ERR_UNSUPPORTED;
            break;
        }
        if (r == 0)
            break;
        if ((size_t)r > max - b.len) {
            tu_extract_errf(errmsg, "zip entry %s is over the limit of %zu "
                            "bytes uncompressed", name, max);
            st = TRACUU_ERR_TOO_BIG;
            break;
        }
        if (tu_buf_add_cut(&b, chunk, (size_t)r) != 0) {
            tu_extract_errf(errmsg, "out of memory");
            st = TRACUU_ERR_NOMEM;
            break;
        }
    }
    zip_fclose(zf);
    if (st != TRACUU_OK) {
        tu_buf_free(&b);
        return st;
    }
    *buf = tu_buf_take(&b, len);
    if (!*buf) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    return TRACUU_OK;
}

static xmlTextReaderPtr reader(const char *buf, size_t len)
{
    tu_xml_init();
    if (len > (size_t)0x7fffffff)
        return NULL;
    /* No NOENT, no DTD loading: entities are never expanded from outside. */
    return xmlReaderForMemory(buf, (int)len, NULL, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
}

static int is(xmlTextReaderPtr r, const char *ns, const char *local)
{
    const xmlChar *l = xmlTextReaderConstLocalName(r);
    const xmlChar *u = xmlTextReaderConstNamespaceUri(r);
    return l && u && strcmp((const char *)l, local) == 0 &&
           strcmp((const char *)u, ns) == 0;
}

/* The text of the first dc:title in a metadata part, or NULL. */
static char *dc_title(const char *buf, size_t len)
{
    xmlTextReaderPtr r = reader(buf, len);
    if (!r)
        return NULL;
    tu_buf_t b;
    tu_buf_init(&b, 4096);
    int in = 0, done = 0;
    while (!done && xmlTextReaderRead(r) == 1) {
        int t = xmlTextReaderNodeType(r);
        if (t == XML_READER_TYPE_ELEMENT && is(r, NS_DC, "title") &&
            !xmlTextReaderIsEmptyElement(r))
            in = 1;
        else if (t == XML_READER_TYPE_END_ELEMENT && in)
            done = 1;
        else if (in && (t == XML_READER_TYPE_TEXT ||
                        t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                tu_buf_add_cut(&b, (const char *)v, strlen((const char *)v));
        }
    }
    xmlFreeTextReader(r);
    char *s = tu_extract_squeeze(tu_buf_take(&b, NULL));
    if (s && !*s) {
        free(s);
        s = NULL;
    }
    return s;
}

/* Which document format a zip part is in. */
enum kind { DOCX, ODT };

static void put_spaces(tu_buf_t *b, xmlTextReaderPtr r)
{
    long c = 1;
    xmlChar *a = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"c",
                                             (const xmlChar *)NS_TEXT);
    if (a) {
        char *end;
        c = strtol((const char *)a, &end, 10);
        if (end == (char *)a || c < 1)
            c = 1;
        if (c > MAX_SPACES)
            c = MAX_SPACES;
        xmlFree(a);
    }
    for (long i = 0; i < c; i++)
        tu_buf_add_cut(b, " ", 1);
}

/* The body text of word/document.xml or content.xml into B. */
static int body_text(enum kind k, const char *buf, size_t len, tu_buf_t *b)
{
    xmlTextReaderPtr r = reader(buf, len);
    if (!r)
        return -1;
    int in = 0;   /* inside w:t, or depth inside text:p / text:h */
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1 && !b->truncated && !b->failed) {
        int t = xmlTextReaderNodeType(r);
        int empty = t == XML_READER_TYPE_ELEMENT &&
                    xmlTextReaderIsEmptyElement(r);
        if (k == DOCX) {
            if (t == XML_READER_TYPE_ELEMENT) {
                if (is(r, NS_W, "t") && !empty)
                    in = 1;
                else if (is(r, NS_W, "tab"))
                    tu_buf_add_cut(b, "\t", 1);
                else if (is(r, NS_W, "br") || is(r, NS_W, "cr") ||
                         (empty && is(r, NS_W, "p")))
                    tu_buf_add_cut(b, "\n", 1);
            } else if (t == XML_READER_TYPE_END_ELEMENT) {
                if (is(r, NS_W, "t"))
                    in = 0;
                else if (is(r, NS_W, "p"))
                    tu_buf_add_cut(b, "\n", 1);
            }
        } else {
            int para = is(r, NS_TEXT, "p") || is(r, NS_TEXT, "h");
            if (t == XML_READER_TYPE_ELEMENT) {
                if (para && empty)
                    tu_buf_add_cut(b, "\n", 1);
                else if (para)
                    in++;
                else if (in && is(r, NS_TEXT, "s"))
                    put_spaces(b, r);
                else if (in && is(r, NS_TEXT, "tab"))
                    tu_buf_add_cut(b, "\t", 1);
                else if (in && is(r, NS_TEXT, "line-break"))
                    tu_buf_add_cut(b, "\n", 1);
            } else if (t == XML_READER_TYPE_END_ELEMENT && para && in) {
                in--;
                tu_buf_add_cut(b, "\n", 1);
            }
        }
        if (in && (t == XML_READER_TYPE_TEXT ||
                   t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                   t == XML_READER_TYPE_CDATA)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                tu_buf_add_cut(b, (const char *)v, strlen((const char *)v));
        }
    }
    xmlFreeTextReader(r);
    return rc < 0 && !b->len ? -1 : 0;
}

static tracuu_status_t from_zip(enum kind k, zip_t *za,
                                const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    const char *body = k == DOCX ? "word/document.xml" : "content.xml";
    const char *meta = k == DOCX ? "docProps/core.xml" : "meta.xml";
    size_t max_entry = src->opts->max_text_bytes;
    max_entry = max_entry > ((size_t)-1) / 4 ? (size_t)-1 : max_entry * 4;
    snprintf(x->format, sizeof x->format, "%s", k == DOCX ? "docx" : "odt");

    char *buf;
    size_t len;
    tracuu_status_t st = read_entry(za, body, max_entry, &buf, &len, errmsg);
    if (st == TRACUU_ERR_NOT_FOUND) {
        tu_extract_errf(errmsg, "%s without %s (%s), skipped",
                        k == DOCX ? "DOCX" : "ODT", body, src->mime);
        return TRACUU_ERR_UNSUPPORTED;
    }
    if (st != TRACUU_OK)
        return st;
    tu_buf_t b;
    tu_buf_init(&b, src->opts->max_text_bytes);
    int bad = body_text(k, buf, len, &b);
    free(buf);
    if (b.failed) {
        tu_buf_free(&b);
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    if (bad) {
        tu_buf_free(&b);
        tu_extract_errf(errmsg, "%s is not well-formed XML", body);
        return TRACUU_ERR_UNSUPPORTED;
    }
    if (b.truncated)
        tu_extract_warnf(x, "text truncated to %zu bytes", b.len);
    x->text = tu_buf_take(&b, &x->len);
    if (!x->text) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    x->encoding = "UTF-8";

    /* The title is optional: any problem with it is ignored. */
    char *mbuf;
    size_t mlen;
    char *ignored = NULL;
    if (read_entry(za, meta, 1 << 20, &mbuf, &mlen, &ignored) == TRACUU_OK) {
        x->title = dc_title(mbuf, mlen);
        free(mbuf);
    }
    free(ignored);
    return TRACUU_OK;
}

static tracuu_status_t with_zip(enum kind k, const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    zip_t *za;
    tracuu_status_t st = open_zip(src, &za, errmsg);
    if (st != TRACUU_OK)
        return st;
    st = from_zip(k, za, src, x, errmsg);
    zip_discard(za);
    return st;
}

tracuu_status_t tu_extract_docx(const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    return with_zip(DOCX, src, x, errmsg);
}

tracuu_status_t tu_extract_odt(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    return with_zip(ODT, src, x, errmsg);
}

/* A zip that libmagic did not name: look inside for a known document. */
tracuu_status_t tu_extract_zip(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    zip_t *za;
    tracuu_status_t st = open_zip(src, &za, errmsg);
    if (st != TRACUU_OK)
        return st;
    if (zip_name_locate(za, "word/document.xml", 0) >= 0) {
        st = from_zip(DOCX, za, src, x, errmsg);
    } else {
        char *mt = NULL;
        size_t n = 0;
        char *ignored = NULL;
        int odt = read_entry(za, "mimetype", 256, &mt, &n, &ignored) ==
                      TRACUU_OK &&
                  strncmp(mt, MIME_ODT, strlen(MIME_ODT)) == 0;
        free(mt);
        free(ignored);
        if (odt) {
            st = from_zip(ODT, za, src, x, errmsg);
        } else {
            tu_extract_errf(errmsg, "zip archive (%s) without a text "
                            "document, skipped", src->mime);
            st = TRACUU_ERR_UNSUPPORTED;
        }
    }
    zip_discard(za);
    return st;
}
