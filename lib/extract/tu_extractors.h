/* tracuu internal: the extractors, one per format (extract_*.c), for the
 * dispatch table of extract.c and for each other (HTML from memory). */
#ifndef TU_EXTRACTORS_H
#define TU_EXTRACTORS_H

#include "extract/tu_extract_util.h"

tracuu_status_t tu_extract_text(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_html(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_docx(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_odt(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_zip(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_pdf(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_doc(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_rtf(const tu_extract_src_t *, tracuu_extract_t *, char **);
tracuu_status_t tu_extract_image(const tu_extract_src_t *, tracuu_extract_t *, char **);

/* HTML from bytes already in memory: decodes with tracuu_decode (HINT: a
 * charset known from outside, else the page's own <meta>), parses, fills
 * X.  For any extractor that gets HTML from somewhere else. */
tracuu_status_t tu_extract_html_bytes(const char *bytes, size_t n,
                                      const char *hint,
                                      const tracuu_extract_opts_t *opts,
                                      tracuu_extract_t *x, char **errmsg);

/* Initialise libxml2 once (thread-safe; lib/extract/extract_html.c). */
void tu_xml_init(void);

#endif
