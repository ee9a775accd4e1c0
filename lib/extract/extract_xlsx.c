/* XLSX text: each sheet in workbook order, its name on a line, then its
 * rows, one a line, cells separated by tabs, shared strings resolved,
 * numbers and inline strings as written. */
#include "extract/tu_extractors.h"
#include "extract/tu_zipxml.h"

#include <stdlib.h>
#include <string.h>

#define NS_S "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

typedef struct {
    tu_buf_t all;       /* the strings, each NUL-terminated */
    size_t *off;
    size_t n, cap;
} strings_t;

static int strings_push(strings_t *s, const char *v, size_t n)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        size_t *o = realloc(s->off, cap * sizeof *o);
        if (!o)
            return -1;
        s->off = o;
        s->cap = cap;
    }
    s->off[s->n++] = s->all.len;
    if (tu_buf_add(&s->all, v, n) != 0 || tu_buf_addc(&s->all, '\0') != 0)
        return -1;
    return 0;
}

/* xl/sharedStrings.xml: <si> with <t> runs (not the phonetic <rPh>). */
static void shared_strings(zip_t *za, const tu_extract_src_t *src,
                           strings_t *s)
{
    char *buf = NULL, *ignored = NULL;
    size_t len = 0;
    if (tu_zip_read(za, "xl/sharedStrings.xml", tu_zip_max_part(src), &buf,
                    &len, &ignored) != TRACUU_OK) {
        free(ignored);
        return;
    }
    xmlTextReaderPtr r = tu_xml_reader(buf, len);
    tu_buf_t cur;
    tu_buf_init(&cur, src->opts->max_text_bytes);
    int in_t = 0, in_ph = 0;
    while (r && xmlTextReaderRead(r) == 1) {
        int t = xmlTextReaderNodeType(r);
        int empty = t == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(r);
        if (t == XML_READER_TYPE_ELEMENT) {
            if (tu_xml_is(r, NS_S, "si")) {
                tu_buf_reset(&cur);
                if (empty)
                    strings_push(s, "", 0);
            } else if (tu_xml_is(r, NS_S, "rPh") && !empty) {
                in_ph = 1;
            } else if (tu_xml_is(r, NS_S, "t") && !empty) {
                in_t = 1;
            }
        } else if (t == XML_READER_TYPE_END_ELEMENT) {
            if (tu_xml_is(r, NS_S, "si"))
                strings_push(s, cur.p ? cur.p : "", cur.len);
            else if (tu_xml_is(r, NS_S, "rPh"))
                in_ph = 0;
            else if (tu_xml_is(r, NS_S, "t"))
                in_t = 0;
        } else if (in_t && !in_ph &&
                   (t == XML_READER_TYPE_TEXT ||
                    t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                tu_buf_add_cut(&cur, (const char *)v, strlen((const char *)v));
        }
    }
    if (r)
        xmlFreeTextReader(r);
    tu_buf_free(&cur);
    free(buf);
}

/* One worksheet's cells into B. */
static int sheet_text(const char *buf, size_t len, const strings_t *s,
                      tu_buf_t *b)
{
    xmlTextReaderPtr r = tu_xml_reader(buf, len);
    if (!r)
        return -1;
    tu_buf_t v;
    tu_buf_init(&v, 1 << 20);
    char *type = NULL;
    int in_v = 0, cells = 0, rc;
    while ((rc = xmlTextReaderRead(r)) == 1 && !b->truncated && !b->failed) {
        int t = xmlTextReaderNodeType(r);
        int empty = t == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(r);
        if (t == XML_READER_TYPE_ELEMENT) {
            if (tu_xml_is(r, NS_S, "c") && !empty) {
                free(type);
                type = tu_xml_attr(r, "t");
                tu_buf_reset(&v);
            } else if ((tu_xml_is(r, NS_S, "v") || tu_xml_is(r, NS_S, "t")) &&
                       !empty) {
                in_v = 1;
            }
        } else if (t == XML_READER_TYPE_END_ELEMENT) {
            if (tu_xml_is(r, NS_S, "v") || tu_xml_is(r, NS_S, "t")) {
                in_v = 0;
            } else if (tu_xml_is(r, NS_S, "c")) {
                const char *out = v.p ? v.p : "";
                size_t ol = v.len;
                if (type && strcmp(type, "s") == 0 && v.len) {
                    char *end;
                    tu_buf_addc(&v, '\0');
                    unsigned long i = strtoul(v.p, &end, 10);
                    out = "";
                    ol = 0;
                    if (*end == '\0' && i < s->n) {
                        out = s->all.p + s->off[i];
                        ol = strlen(out);
                    }
                }
                if (ol) {
                    if (cells++)
                        tu_buf_add_cut(b, "\t", 1);
                    tu_buf_add_cut(b, out, ol);
                }
            } else if (tu_xml_is(r, NS_S, "row")) {
                if (cells)
                    tu_buf_add_cut(b, "\n", 1);
                cells = 0;
            }
        } else if (in_v && (t == XML_READER_TYPE_TEXT ||
                            t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const xmlChar *val = xmlTextReaderConstValue(r);
            if (val)
                tu_buf_add_cut(&v, (const char *)val, strlen((const char *)val));
        }
    }
    free(type);
    tu_buf_free(&v);
    xmlFreeTextReader(r);
    return rc < 0 && !b->len ? -1 : 0;
}

tracuu_status_t tu_xlsx_text(zip_t *za, const tu_extract_src_t *src,
                             tu_buf_t *b, char **errmsg)
{
    char *wb = NULL;
    size_t wl = 0;
    tracuu_status_t st = tu_zip_read(za, "xl/workbook.xml", 16 << 20, &wb,
                                     &wl, errmsg);
    if (st != TRACUU_OK)
        return st == TRACUU_ERR_NOT_FOUND ? TRACUU_ERR_UNSUPPORTED : st;
    strings_t s;
    memset(&s, 0, sizeof s);
    tu_buf_init(&s.all, tu_zip_max_part(src));
    shared_strings(za, src, &s);

    xmlTextReaderPtr r = tu_xml_reader(wb, wl);
    int sheets = 0;
    while (r && xmlTextReaderRead(r) == 1 && st == TRACUU_OK &&
           !b->truncated) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
            !tu_xml_is(r, NS_S, "sheet"))
            continue;
        char *name = tu_xml_attr(r, "name"), *id = tu_xml_attr(r, "id");
        char *part = id ? tu_ooxml_rel(za, "xl/_rels/workbook.xml.rels", "xl/",
                                       id, NULL)
                        : NULL;
        if (name && *name) {
            tu_buf_add_cut(b, name, strlen(name));
            tu_buf_add_cut(b, "\n", 1);
        }
        char *buf = NULL;
        size_t len = 0;
        char *why = NULL;
        if (part && tu_zip_read(za, part, tu_zip_max_part(src), &buf, &len,
                                &why) == TRACUU_OK) {
            sheet_text(buf, len, &s, b);
            sheets++;
        }
        /* A sheet over the bound or damaged: the others still count. */
        free(why);
        free(buf);
        free(part);
        free(name);
        free(id);
    }
    if (r)
        xmlFreeTextReader(r);
    free(wb);
    tu_buf_free(&s.all);
    free(s.off);
    if (st == TRACUU_OK && !sheets) {
        tu_extract_errf(errmsg, "XLSX without a readable sheet, skipped");
        st = TRACUU_ERR_UNSUPPORTED;
    }
    return st;
}
