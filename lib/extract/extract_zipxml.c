/* DOCX and ODT: zip (libzip) of XML parts (libxml2's streaming reader).
 * Every entry read is bounded: one whose uncompressed size is over
 * 4 x max_text_bytes is refused (zip bombs), whatever its header says. */
#include "extract/tu_extractors.h"
#include "base/tu_buf.h"
#include "extract/tu_zipxml.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define MAX_SPACES 1000

tracuu_status_t tu_zip_open(const tu_extract_src_t *src, zip_t **za,
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
tracuu_status_t tu_zip_read(zip_t *za, const char *name, size_t max,
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

xmlTextReaderPtr tu_xml_reader(const char *buf, size_t len)
{
    tu_xml_init();
    if (len > (size_t)0x7fffffff)
        return NULL;
    /* No NOENT, no DTD loading: entities are never expanded from outside. */
    return xmlReaderForMemory(buf, (int)len, NULL, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
}

int tu_xml_is(xmlTextReaderPtr r, const char *ns, const char *local)
{
    const xmlChar *l = xmlTextReaderConstLocalName(r);
    const xmlChar *u = xmlTextReaderConstNamespaceUri(r);
    return l && u && strcmp((const char *)l, local) == 0 &&
           strcmp((const char *)u, ns) == 0;
}

size_t tu_zip_max_part(const tu_extract_src_t *src)
{
    size_t m = src->opts->max_text_bytes;
    return m > ((size_t)-1) / 4 ? (size_t)-1 : m * 4;
}

char *tu_xml_attr(xmlTextReaderPtr r, const char *local)
{
    char *v = NULL;
    if (xmlTextReaderMoveToFirstAttribute(r) != 1)
        return NULL;
    do {
        const xmlChar *l = xmlTextReaderConstLocalName(r);
        if (l && strcmp((const char *)l, local) == 0) {
            const xmlChar *val = xmlTextReaderConstValue(r);
            v = val ? strdup((const char *)val) : NULL;
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r) == 1);
    xmlTextReaderMoveToElement(r);
    return v;
}

/* "a/b/../c.xml" relative to BASE "x/y/" -> "x/c.xml"; an absolute
 * target "/ppt/x.xml" -> "ppt/x.xml". */
static char *resolve(const char *base, const char *target)
{
    char path[1024];
    if (target[0] == '/')
        snprintf(path, sizeof path, "%s", target + 1);
    else
        snprintf(path, sizeof path, "%s%s", base, target);
    /* drop "seg/../" pairs */
    char *p;
    while ((p = strstr(path, "/../")) != NULL) {
        char *q = p;
        while (q > path && q[-1] != '/')
            q--;
        memmove(q, p + 4, strlen(p + 4) + 1);
    }
    return strdup(path);
}

char *tu_ooxml_rel(zip_t *za, const char *rels, const char *base,
                   const char *id, const char *type_end)
{
    char *buf = NULL, *ignored = NULL, *out = NULL;
    size_t len = 0;
    if (tu_zip_read(za, rels, 4 << 20, &buf, &len, &ignored) != TRACUU_OK) {
        free(ignored);
        return NULL;
    }
    xmlTextReaderPtr r = tu_xml_reader(buf, len);
    while (r && !out && xmlTextReaderRead(r) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
            continue;
        const xmlChar *l = xmlTextReaderConstLocalName(r);
        if (!l || strcmp((const char *)l, "Relationship") != 0)
            continue;
        char *rid = tu_xml_attr(r, "Id"), *type = tu_xml_attr(r, "Type");
        char *target = tu_xml_attr(r, "Target");
        size_t tl = type ? strlen(type) : 0, el = type_end ? strlen(type_end) : 0;
        int hit = id ? rid && strcmp(rid, id) == 0
                     : type && tl >= el && strcmp(type + tl - el, type_end) == 0;
        if (hit && target)
            out = resolve(base, target);
        free(rid);
        free(type);
        free(target);
    }
    if (r)
        xmlFreeTextReader(r);
    free(buf);
    return out;
}

/* The office properties (docProps/core.xml, meta.xml): title, subject,
 * author, creation date into X. */
static void office_props(const char *buf, size_t len, tracuu_extract_t *x)
{
    xmlTextReaderPtr r = tu_xml_reader(buf, len);
    if (!r)
        return;
    tu_buf_t b;
    tu_buf_init(&b, 4096);
    char *name = NULL;
    int in = 0;
    while (xmlTextReaderRead(r) == 1) {
        int t = xmlTextReaderNodeType(r);
        /* OOXML: cp:coreProperties/dc:title (depth 1); ODF:
         * office:document-meta/office:meta/dc:title (depth 2). */
        int depth = xmlTextReaderDepth(r);
        if (t == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement(r) &&
            (depth == 1 || depth == 2)) {
            const xmlChar *l = xmlTextReaderConstLocalName(r);
            free(name);
            name = l ? strdup((const char *)l) : NULL;
            tu_buf_reset(&b);
            in = 1;
        } else if (in && (t == XML_READER_TYPE_TEXT ||
                          t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                tu_buf_add_cut(&b, (const char *)v, strlen((const char *)v));
        } else if (t == XML_READER_TYPE_END_ELEMENT && in && name) {
            in = 0;
            char *v = b.len ? strndup(b.p, b.len) : NULL;
            if (v && *tu_extract_squeeze(v)) {
                char **slot = NULL;
                if (!strcmp(name, "title"))
                    slot = &x->title;
                else if (!strcmp(name, "subject"))
                    slot = &x->subject;
                else if (!strcmp(name, "creator") ||
                         !strcmp(name, "initial-creator"))
                    slot = &x->author;
                else if ((!strcmp(name, "created") ||
                          !strcmp(name, "creation-date")) &&
                         strlen(v) >= 10 && v[4] == '-' && v[7] == '-')
                    snprintf(x->date, sizeof x->date, "%.10s", v);
                if (slot && !*slot) {
                    *slot = v;
                    v = NULL;
                }
            }
            free(v);
        }
    }
    free(name);
    tu_buf_free(&b);
    xmlFreeTextReader(r);
}

/* Which document format a zip part is in. */
enum kind { DOCX, ODT, ODS, ODP, XLSX, PPTX };

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

static const struct {
    const char *format, *name, *mime;
} kinds[] = {
    {"docx", "DOCX", NULL},
    {"odt", "ODT", "application/vnd.oasis.opendocument.text"},
    {"ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet"},
    {"odp", "ODP", "application/vnd.oasis.opendocument.presentation"},
    {"xlsx", "XLSX", NULL},
    {"pptx", "PPTX", NULL},
};

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
    xmlTextReaderPtr r = tu_xml_reader(buf, len);
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
                if (tu_xml_is(r, NS_W, "t") && !empty)
                    in = 1;
                else if (tu_xml_is(r, NS_W, "tab"))
                    tu_buf_add_cut(b, "\t", 1);
                else if (tu_xml_is(r, NS_W, "br") || tu_xml_is(r, NS_W, "cr") ||
                         (empty && tu_xml_is(r, NS_W, "p")))
                    tu_buf_add_cut(b, "\n", 1);
            } else if (t == XML_READER_TYPE_END_ELEMENT) {
                if (tu_xml_is(r, NS_W, "t"))
                    in = 0;
                else if (tu_xml_is(r, NS_W, "p"))
                    tu_buf_add_cut(b, "\n", 1);
            }
        } else {
            int para = tu_xml_is(r, NS_TEXT, "p") || tu_xml_is(r, NS_TEXT, "h");
            if (t == XML_READER_TYPE_ELEMENT && !in &&
                (tu_xml_is(r, NS_TABLE, "table") ||
                 (k == ODP && tu_xml_is(r, NS_DRAW, "page")))) {
                /* a sheet's (or a named slide's) name on a line */
                char *nm = tu_xml_attr(r, "name");
                if (nm && *nm && !(k == ODP && strncmp(nm, "page", 4) == 0)) {
                    tu_buf_add_cut(b, nm, strlen(nm));
                    tu_buf_add_cut(b, "\n", 1);
                }
                free(nm);
            }
            if (t == XML_READER_TYPE_ELEMENT) {
                if (para && empty)
                    tu_buf_add_cut(b, "\n", 1);
                else if (para)
                    in++;
                else if (in && tu_xml_is(r, NS_TEXT, "s"))
                    put_spaces(b, r);
                else if (in && tu_xml_is(r, NS_TEXT, "tab"))
                    tu_buf_add_cut(b, "\t", 1);
                else if (in && tu_xml_is(r, NS_TEXT, "line-break"))
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
    int odf = k == ODT || k == ODS || k == ODP;
    const char *body = k == DOCX ? "word/document.xml" : "content.xml";
    const char *meta = odf ? "meta.xml" : "docProps/core.xml";
    snprintf(x->format, sizeof x->format, "%s", kinds[k].format);
    if (zip_name_locate(za, "EncryptionInfo", 0) >= 0) {
        tu_extract_errf(errmsg, "password-protected %s, skipped", kinds[k].name);
        return TRACUU_ERR_UNSUPPORTED;
    }

    tu_buf_t b;
    tu_buf_init(&b, src->opts->max_text_bytes);
    tracuu_status_t st;
    if (k == XLSX) {
        st = tu_xlsx_text(za, src, &b, errmsg);
    } else if (k == PPTX) {
        st = tu_pptx_text(za, src, &b, errmsg);
    } else {
        char *buf;
        size_t len;
        st = tu_zip_read(za, body, tu_zip_max_part(src), &buf, &len, errmsg);
        if (st == TRACUU_ERR_NOT_FOUND) {
            tu_extract_errf(errmsg, "%s without %s (%s), skipped",
                            kinds[k].name, body, src->mime);
            st = TRACUU_ERR_UNSUPPORTED;
        } else if (st == TRACUU_OK) {
            int bad = body_text(k, buf, len, &b);
            free(buf);
            if (bad && !b.failed) {
                tu_extract_errf(errmsg, "%s is not well-formed XML", body);
                st = TRACUU_ERR_UNSUPPORTED;
            }
        }
    }
    if (st == TRACUU_OK && b.failed) {
        tu_extract_errf(errmsg, "out of memory");
        st = TRACUU_ERR_NOMEM;
    }
    if (st != TRACUU_OK) {
        tu_buf_free(&b);
        return st;
    }
    if (b.truncated)
        tu_extract_warnf(x, "text truncated to %zu bytes", b.len);
    x->text = tu_buf_take(&b, &x->len);
    if (!x->text) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    x->encoding = "UTF-8";

    /* The properties are optional: any problem with them is ignored. */
    char *mbuf;
    size_t mlen;
    char *ignored = NULL;
    if (tu_zip_read(za, meta, 1 << 20, &mbuf, &mlen, &ignored) == TRACUU_OK) {
        office_props(mbuf, mlen, x);
        free(mbuf);
    }
    free(ignored);
    return TRACUU_OK;
}

static tracuu_status_t with_zip(enum kind k, const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    zip_t *za;
    tracuu_status_t st = tu_zip_open(src, &za, errmsg);
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

tracuu_status_t tu_extract_ods(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    return with_zip(ODS, src, x, errmsg);
}

tracuu_status_t tu_extract_odp(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    return with_zip(ODP, src, x, errmsg);
}

tracuu_status_t tu_extract_xlsx(const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    return with_zip(XLSX, src, x, errmsg);
}

tracuu_status_t tu_extract_pptx(const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    return with_zip(PPTX, src, x, errmsg);
}

/* Which office document a zip holds, or -1 for a plain archive. */
static int office_kind(zip_t *za)
{
    if (zip_name_locate(za, "word/document.xml", 0) >= 0)
        return DOCX;
    if (zip_name_locate(za, "xl/workbook.xml", 0) >= 0)
        return XLSX;
    if (zip_name_locate(za, "ppt/presentation.xml", 0) >= 0)
        return PPTX;
    char *mt = NULL, *ignored = NULL;
    size_t n = 0;
    int k = -1;
    if (tu_zip_read(za, "mimetype", 256, &mt, &n, &ignored) == TRACUU_OK)
        for (int i = ODT; i <= ODP; i++)
            if (strncmp(mt, kinds[i].mime, strlen(kinds[i].mime)) == 0 &&
                (mt[strlen(kinds[i].mime)] == '\0' ||
                 mt[strlen(kinds[i].mime)] == '\n'))
                k = i;
    free(mt);
    free(ignored);
    return k;
}

/* A zip that libmagic did not name: an office document inside, else an
 * archive whose members are documents of their own. */
tracuu_status_t tu_extract_zip(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    zip_t *za;
    char *ignored = NULL;
    int k = -1;
    if (tu_zip_open(src, &za, &ignored) == TRACUU_OK) {
        k = office_kind(za);
        if (k >= 0) {
            tracuu_status_t st = from_zip((enum kind)k, za, src, x, errmsg);
            zip_discard(za);
            free(ignored);
            return st;
        }
        zip_discard(za);
    }
    free(ignored);
    snprintf(x->format, sizeof x->format, "zip");
    return tu_extract_archive(src, x, errmsg);
}
