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
    /* Containers (archives, mail): bounds for one file and all its members
     * at every depth together. */
    size_t max_inflated;       /* members' bytes in all; 0 = 512 MiB (the
                                * members of one level are in memory at
                                * once) */
    size_t max_members;        /* members in all; 0 = 5000 */
    unsigned max_depth;        /* containers in containers; 0 = 4 */
    unsigned container_timeout_s; /* whole container; 0 = 600 s */
    int list_only;             /* set by tracuu_extract_walk: containers
                                * name their members and read none, since
                                * the depth (TRACUU_LIST_DEPTH) or the
                                * budget (TRACUU_LIST_SPENT) is reached */
} tracuu_extract_opts_t;

enum { TRACUU_LIST_DEPTH = 1, TRACUU_LIST_SPENT = 2 };

/* One member of a container: an archive member or a mail attachment. */
typedef struct {
    char *name;          /* malloc'd path inside the container (UTF-8) */
    char *data;          /* malloc'd bytes, or NULL when not readable */
    size_t len;
    char *error;         /* malloc'd reason when DATA is NULL (encrypted,
                          * over a limit, damaged), else NULL */
} tracuu_member_t;

typedef struct {
    char *text;          /* malloc'd UTF-8, NUL-terminated */
    size_t len;
    char *title;         /* malloc'd or NULL: from the format's metadata */
    char *author;        /* malloc'd or NULL: the document's properties */
    char *subject;       /* malloc'd or NULL */
    char date[11];       /* "YYYY-MM-DD" from the properties (created), or "" */
    char mime[80];       /* libmagic's MIME type */
    char format[16];     /* "txt" "html" "docx" "odt" "pdf" "doc" "rtf" "ocr" */
    const char *encoding;/* canonical source encoding (static), or NULL */
    size_t n_invalid;    /* invalid sequences replaced by U+FFFD */
    char *warning;       /* malloc'd or NULL: a problem to report though the
                          * text was extracted (e.g. invalid UTF-8) */
    tracuu_member_t *members; /* a container's members (malloc'd), in order */
    size_t n_members;
    int container;       /* 1: an archive or mail, even with no member */
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

/* The same for bytes in memory (a member): NAME is only for messages. */
tracuu_status_t tracuu_extract_mem(const char *name, const char *data,
                                   size_t len,
                                   const tracuu_extract_opts_t *opts,
                                   tracuu_extract_t *out, char **errmsg);

/* One document found by tracuu_extract_walk: the file itself (depth 0) or
 * a member at some depth, with path "FILE#MEMBER" ("FILE#A.zip#B.txt"). */
typedef struct {
    const char *path;
    unsigned depth;
    tracuu_status_t status;      /* TRACUU_OK: X holds the text */
    const char *errmsg;          /* with a failure: why (never NULL) */
    const tracuu_extract_t *x;   /* what was extracted (also on failure:
                                  * mime and format) */
    const char *data;            /* a member's bytes (NULL at depth 0) */
    size_t len;
} tracuu_part_t;

/* Called for each part in document order (a container before its
 * members); a non-zero return stops the walk. */
typedef int (*tracuu_part_fn)(const tracuu_part_t *part, void *ctx);

/* Extract PATH and, if it is a container, every member in it, recursively,
 * within the bounds of OPTS (members, bytes, depth, time: what is over a
 * bound is reported as a failed part, or as a warning on the container).
 * A member that fails never stops its siblings.  Returns the status of
 * PATH itself. */
tracuu_status_t tracuu_extract_walk(const char *path,
                                    const tracuu_extract_opts_t *opts,
                                    tracuu_part_fn fn, void *ctx);

/* Free what the calling thread keeps between calls (its libmagic cookie).
 * Worker threads free it on exit by themselves; call this in the main
 * thread before exit (or not: it is memory still reachable, not a leak).
 * tracuu_extract_file may be called from several threads at once. */
void tracuu_extract_thread_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
