/* JSON string output into a tu_buf_t. */
#ifndef TU_JSON_H
#define TU_JSON_H

#include <stddef.h>
#include "base/tu_buf.h"

/* Append S (N bytes of UTF-8) as a JSON string literal with its quotes.
 * Control characters become \uXXXX; invalid UTF-8 bytes become U+FFFD, so
 * the output is always valid JSON. */
int tu_json_string(tu_buf_t *b, const char *s, size_t n);
/* Same for a NUL-terminated string; NULL gives null. */
int tu_json_str(tu_buf_t *b, const char *s);

#endif
