/* tu_url: URL encoding and percent decoding for query strings
 * (application/x-www-form-urlencoded, as browsers send GET forms). */
#ifndef TU_URL_H
#define TU_URL_H

#include <stddef.h>
#include "base/tu_buf.h"

/* Append N bytes of S to B encoded for a query-string component: the
 * unreserved bytes A-Z a-z 0-9 - . _ ~ are kept, space becomes '+', every
 * other byte becomes %XX (upper-case hex).  The result holds no character
 * that is special in HTML except '&' separators the caller adds, so it still
 * needs tu_html_escape inside an attribute.  Returns 0, or -1 when B failed. */
int tu_url_encode(tu_buf_t *b, const char *s, size_t n);

/* Decode N bytes of S: %XX (either case) becomes the byte XX and, if
 * PLUS_SPACE, '+' becomes ' '.  OUT must have room for N + 1 bytes; it gets
 * the decoded bytes and a NUL, *OUTLEN their number (the bytes may include
 * NUL from %00: callers check).  Returns 0, or -1 when a '%' is not followed
 * by two hex digits (OUT then undefined). */
int tu_percent_decode(const char *s, size_t n, int plus_space, char *out,
                      size_t *outlen);

#endif
