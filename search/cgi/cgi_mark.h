/* cgi_mark: writing text with its highlight spans as HTML. */
#ifndef CGI_MARK_H
#define CGI_MARK_H

#include <stddef.h>
#include "base/tu_buf.h"
#include "tracuu/search.h"

/* Append the N bytes of S escaped, with the spans HL (byte offsets into S,
 * in any order, possibly overlapping or out of range) wrapped in <mark>.
 * Spans are clipped to S and merged (also across a gap of one to three
 * spaces, so a matched phrase shows as one mark); a span boundary that falls inside a
 * UTF-8 sequence is moved to the sequence's end. */
int cgi_html_marked(tu_buf_t *b, const char *s, size_t n,
                    const tracuu_span_t *hl, size_t nhl);

#endif
