/* tracuu internal: what the office extractors (zip of XML parts) share:
 * extract_zipxml.c (DOCX, ODT, ODS, ODP, properties), extract_xlsx.c,
 * extract_pptx.c. */
#ifndef TU_ZIPXML_H
#define TU_ZIPXML_H

#include <libxml/xmlreader.h>
#include <zip.h>
#include "extract/tu_extract_util.h"
#include "base/tu_buf.h"

/* Open SRC's file as a zip (a dup of its descriptor). */
tracuu_status_t tu_zip_open(const tu_extract_src_t *src, zip_t **za,
                            char **errmsg);

/* Read entry NAME (at most MAX bytes really inflated) into *BUF (malloc'd,
 * NUL-terminated).  Returns TRACUU_OK, TRACUU_ERR_NOT_FOUND,
 * TRACUU_ERR_TOO_BIG, TRACUU_ERR_UNSUPPORTED (damaged), _NOMEM. */
tracuu_status_t tu_zip_read(zip_t *za, const char *name, size_t max,
                            char **buf, size_t *len, char **errmsg);

/* The bound on one part: 4 x max_text_bytes. */
size_t tu_zip_max_part(const tu_extract_src_t *src);

/* A streaming reader that never loads anything from outside. */
xmlTextReaderPtr tu_xml_reader(const char *buf, size_t len);

/* The current node is NS:LOCAL. */
int tu_xml_is(xmlTextReaderPtr r, const char *ns, const char *local);

/* An attribute (any namespace) by local name, malloc'd, or NULL. */
char *tu_xml_attr(xmlTextReaderPtr r, const char *local);

/* The target of relationship ID (or of the first of TYPE ending, when ID
 * is NULL) in the .rels part RELS, resolved against the folder BASE
 * ("xl/", "ppt/slides/"), malloc'd, or NULL. */
char *tu_ooxml_rel(zip_t *za, const char *rels, const char *base,
                   const char *id, const char *type_end);

/* Spreadsheet and slide text (extract_xlsx.c, extract_pptx.c) into B.
 * Return TRACUU_OK or a status with *ERRMSG. */
tracuu_status_t tu_xlsx_text(zip_t *za, const tu_extract_src_t *src,
                             tu_buf_t *b, char **errmsg);
tracuu_status_t tu_pptx_text(zip_t *za, const tu_extract_src_t *src,
                             tu_buf_t *b, char **errmsg);

#endif
