/* tu_html: HTML escaping for text and double-quoted attribute values. */
#ifndef TU_HTML_H
#define TU_HTML_H

#include <stddef.h>
#include "base/tu_buf.h"

/* Append N bytes of S to B with & < > " ' replaced by &amp; &lt; &gt;
 * &quot; &#39;: safe in element text and in an attribute value written
 * between double quotes.  The other bytes (UTF-8 included) are copied.
 * Returns 0, or -1 when B failed. */
int tu_html_escape(tu_buf_t *b, const char *s, size_t n);

/* Same for a NUL-terminated string (NULL appends nothing). */
int tu_html_escapes(tu_buf_t *b, const char *s);

#endif
