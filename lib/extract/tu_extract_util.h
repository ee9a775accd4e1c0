/* tracuu internal: what an extractor module (one per format) gets and the
 * helpers they share (extract_util.c).  The extractors themselves are
 * declared in tu_extractors.h, for the dispatch table of extract.c. */
#ifndef TU_EXTRACT_UTIL_H
#define TU_EXTRACT_UTIL_H

#include <stddef.h>
#include "tracuu/extract.h"

/* What an extractor gets: an open file and what is known about it. */
typedef struct {
    const char *path;     /* safe as a helper argument: never starts with
                           * '-' (relative paths get "./") */
    int fd;               /* open read-only; read it with pread */
    size_t size;          /* bytes, > 0 and <= opts->max_file_bytes */
    const char *mime;     /* libmagic's MIME type */
    const char *charset;  /* libmagic's charset guess, or NULL */
    const tracuu_extract_opts_t *opts;  /* every 0 replaced by its default */
} tu_extract_src_t;

/* An extractor fills X->text/len (and title, encoding, n_invalid, warning
 * as it can; it may change X->format).  On failure it sets *ERRMSG (may be
 * NULL) to a malloc'd message and returns the status; what it put in X is
 * freed by the caller. */
typedef tracuu_status_t (*tu_extractor_fn)(const tu_extract_src_t *src,
                                           tracuu_extract_t *x, char **errmsg);

/* Shared helpers (extract_util.c). */

/* A malloc'd printf-formatted message into *ERRMSG (if not NULL; an old
 * message there is freed). */
void tu_extract_errf(char **errmsg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Append a formatted sentence to X->warning ("; " between two). */
void tu_extract_warnf(tracuu_extract_t *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Read the file, at most MAX bytes of it, into a malloc'd buffer (*BUF,
 * NUL-terminated; caller frees).  Returns TRACUU_OK, TRACUU_ERR_IO,
 * TRACUU_ERR_NOMEM. */
tracuu_status_t tu_extract_read_all(const tu_extract_src_t *src, size_t max,
                                    char **buf, size_t *n, char **errmsg);

/* Decode BYTES with tracuu_decode (HINT, opts->force_encoding) into
 * X->text/len/encoding/n_invalid; a warning when sequences were invalid.
 * Returns TRACUU_OK, TRACUU_ERR_NOMEM, TRACUU_ERR_INVALID_ARG (unknown
 * forced encoding). */
tracuu_status_t tu_extract_decode_into(const char *bytes, size_t n,
                                       const char *hint,
                                       const tracuu_extract_opts_t *opts,
                                       tracuu_extract_t *x, char **errmsg);

/* Collapse runs of white space in S to one space and trim both ends, in
 * place (for titles).  Returns S. */
char *tu_extract_squeeze(char *s);

#endif
