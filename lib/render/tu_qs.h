/* tu_qs: parsing a CGI QUERY_STRING ("a=1&b=x+y") into decoded pairs.
 * Strict: bad percent-encoding, invalid UTF-8 (overlong forms, surrogates,
 * beyond U+10FFFF, as tracuu_utf8_valid says) and control characters other than TAB, LF and CR are
 * errors, so what reaches the program is always clean UTF-8 text. */
#ifndef TU_QS_H
#define TU_QS_H

#include <stddef.h>

enum {
    TU_QS_OK = 0,
    TU_QS_BAD_PERCENT = -1,   /* '%' not followed by two hex digits */
    TU_QS_BAD_UTF8 = -2,      /* decoded bytes are not valid UTF-8 */
    TU_QS_CONTROL = -3,       /* NUL or another control character */
    TU_QS_TOO_MANY = -4,      /* more than MAX_PAIRS pairs */
    TU_QS_NOMEM = -5
};

/* Called once per pair in order.  KEY and VAL are decoded, NUL-terminated
 * (KLEN/VLEN bytes), owned by the parser and valid during the call only.
 * A segment without '=' gives VAL "".  Return 0 to go on; any other value
 * stops the parse and is returned by tu_qs_parse. */
typedef int (*tu_qs_cb)(const char *key, size_t klen, const char *val,
                        size_t vlen, void *ctx);

/* Parse QS (NULL or "" = no pairs); empty segments ("a=1&&b=2") are
 * skipped; '&' and ';' both separate pairs.  Returns TU_QS_OK, a negative
 * TU_QS_* code (then *ERRPOS, if not NULL, gets the byte offset in QS of the
 * bad segment), or the callback's non-zero return. */
int tu_qs_parse(const char *qs, size_t max_pairs, tu_qs_cb cb, void *ctx,
                size_t *errpos);

/* An English description of a TU_QS_* code; static storage. */
const char *tu_qs_strerror(int code);

#endif
