/* PPTX text: slides in presentation order, each slide's text (a:t runs,
 * a paragraph a line), then its speaker notes. */
#include "extract/tu_extractors.h"
#include "extract/tu_zipxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_P "http://schemas.openxmlformats.org/presentationml/2006/main"

/* The DrawingML text of one slide or notes part into B. */
static void drawing_text(const char *buf, size_t len, tu_buf_t *b)
{
    xmlTextReaderPtr r = tu_xml_reader(buf, len);
    int in = 0;
    while (r && xmlTextReaderRead(r) == 1 && !b->truncated && !b->failed) {
        int t = xmlTextReaderNodeType(r);
        int empty = t == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(r);
        if (t == XML_READER_TYPE_ELEMENT) {
            if (tu_xml_is(r, NS_A, "t") && !empty)
                in = 1;
            else if (tu_xml_is(r, NS_A, "br"))
                tu_buf_add_cut(b, "\n", 1);
        } else if (t == XML_READER_TYPE_END_ELEMENT) {
            if (tu_xml_is(r, NS_A, "t"))
                in = 0;
            else if (tu_xml_is(r, NS_A, "p") && b->len &&
                     tu_buf_last(b) != '\n')
                tu_buf_add_cut(b, "\n", 1);
        } else if (in && (t == XML_READER_TYPE_TEXT ||
                          t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                tu_buf_add_cut(b, (const char *)v, strlen((const char *)v));
        }
    }
    if (r)
        xmlFreeTextReader(r);
}

static int part_text(zip_t *za, const tu_extract_src_t *src, const char *part,
                     tu_buf_t *b)
{
    char *buf = NULL, *why = NULL;
    size_t len = 0;
    int ok = tu_zip_read(za, part, tu_zip_max_part(src), &buf, &len, &why) ==
             TRACUU_OK;
    if (ok)
        drawing_text(buf, len, b);
    free(buf);
    free(why);
    return ok;
}

tracuu_status_t tu_pptx_text(zip_t *za, const tu_extract_src_t *src,
                             tu_buf_t *b, char **errmsg)
{
    char *pr = NULL;
    size_t pl = 0;
    tracuu_status_t st = tu_zip_read(za, "ppt/presentation.xml", 16 << 20,
                                     &pr, &pl, errmsg);
    if (st != TRACUU_OK)
        return st == TRACUU_ERR_NOT_FOUND ? TRACUU_ERR_UNSUPPORTED : st;
    xmlTextReaderPtr r = tu_xml_reader(pr, pl);
    int slides = 0;
    while (r && xmlTextReaderRead(r) == 1 && !b->truncated) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
            !tu_xml_is(r, NS_P, "sldId"))
            continue;
        char *id = tu_xml_attr(r, "id");
        /* sldId has id="256" and r:id="rId2": the relationship one starts
         * with a letter. */
        char *rid = NULL;
        if (xmlTextReaderMoveToFirstAttribute(r) == 1) {
            do {
                const xmlChar *l = xmlTextReaderConstLocalName(r);
                const xmlChar *v = xmlTextReaderConstValue(r);
                if (l && v && strcmp((const char *)l, "id") == 0 &&
                    !(v[0] >= '0' && v[0] <= '9')) {
                    free(rid);
                    rid = strdup((const char *)v);
                }
            } while (xmlTextReaderMoveToNextAttribute(r) == 1);
            xmlTextReaderMoveToElement(r);
        }
        free(id);
        char *part = rid ? tu_ooxml_rel(za, "ppt/_rels/presentation.xml.rels",
                                        "ppt/", rid, NULL)
                         : NULL;
        if (part && part_text(za, src, part, b)) {
            slides++;
            /* ppt/slides/slide1.xml -> ppt/slides/_rels/slide1.xml.rels */
            const char *slash = strrchr(part, '/');
            char rels[1200], base[1024];
            int dl = slash ? (int)(slash - part) + 1 : 0;
            snprintf(base, sizeof base, "%.*s", dl, part);
            snprintf(rels, sizeof rels, "%s_rels/%s.rels", base, part + dl);
            char *notes = tu_ooxml_rel(za, rels, base, NULL, "/notesSlide");
            if (notes)
                part_text(za, src, notes, b);
            free(notes);
        }
        free(part);
        free(rid);
    }
    if (r)
        xmlFreeTextReader(r);
    free(pr);
    if (!slides) {
        tu_extract_errf(errmsg, "PPTX without a readable slide, skipped");
        return TRACUU_ERR_UNSUPPORTED;
    }
    return TRACUU_OK;
}
