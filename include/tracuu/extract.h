/* tracuu: from a file on disk to its text (UTF-8, not yet NFC) and title.
 * Type detection by content (libmagic), then one extractor module per
 * format behind the table in lib/extract/extract.c. */
#ifndef TRACUU_EXTRACT_H
#define TRACUU_EXTRACT_H

#include <stddef.h>
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    size_t max_file_bytes;     /* larger files fail with TOO_BIG; 0 = 100 MiB */
    size_t max_text_bytes;     /* extracted text cap; 0 = 64 MiB */
    unsigned helper_timeout_s; /* per external helper; 0 = 60 s */
    int ocr;                   /* also OCR scanned PDFs and images */
    const char *force_encoding;/* --encoding, or NULL to detect */
} tracuu_extract_opts_t;

typedef struct {
    char *text;          /* malloc'd UTF-8, NUL-terminated */
    size_t len;
    char *title;         /* malloc'd or NULL: from the format's metadata */
    char mime[80];       /* libmagic's MIME type */
    char format[16];     /* "txt" "html" "docx" "odt" "pdf" "doc" "rtf" "ocr" */
    const char *encoding;/* canonical source encoding (static), or NULL */
    size_t n_invalid;    /* invalid sequences replaced by U+FFFD */
    char *warning;       /* malloc'd or NULL: a problem to report though the
                          * text was extracted (e.g. invalid UTF-8) */
} tracuu_extract_t;

/* Extract PATH.  *OUT must be zeroed; clear with tracuu_extract_clear (also
 * after failure).  On failure *ERRMSG (if not NULL) gets a malloc'd message
 * naming the reason (not the path: the caller prints that).  Returns
 * TRACUU_OK, _IO, _EMPTY, _TOO_BIG, _UNSUPPORTED, _HELPER_MISSING,
 * _HELPER_FAILED, _TIMEOUT, _NOMEM. */
tracuu_status_t tracuu_extract_file(const char *path,
                                    const tracuu_extract_opts_t *opts,
                                    tracuu_extract_t *out, char **errmsg);
void tracuu_extract_clear(tracuu_extract_t *x);

/* Free what the calling thread keeps between calls (its libmagic cookie).
 * Worker threads free it on exit by themselves; call this in the main
 * thread before exit (or not: it is memory still reachable, not a leak).
 * tracuu_extract_file may be called from several threads at once. */
void tracuu_extract_thread_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
