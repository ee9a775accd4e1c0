/* The document data stored with each document (docs/design.md section 5): path,
 * title, date, format, encoding, refs, models and the stored text.
 * Serialised as records: one tag byte, a LEB128 length, the bytes.  Unknown
 * tags are skipped when reading, so fields can be added later. */
#ifndef TU_DOCDATA_H
#define TU_DOCDATA_H

#include <stddef.h>
#include "base/tu_buf.h"

typedef struct {
    char *path, *title, *date, *format, *encoding;  /* "" if unset */
    char *text; size_t text_len;
    char **refs; size_t n_refs;       /* display forms */
    char **models; size_t n_models;   /* display names */
} tu_docdata_t;

/* Serialise D into B (appends).  -1 if B failed. */
int tu_docdata_write(const tu_docdata_t *d, tu_buf_t *b);

/* Parse DATA into *D (all strings malloc'd copies, never NULL for the
 * scalar fields).  -1 on malformed data or no memory (then *D is cleared).
 * WANT_TEXT 0 skips copying the text (text = "", text_len = 0). */
int tu_docdata_read(const char *data, size_t len, int want_text,
                    tu_docdata_t *d);
void tu_docdata_clear(tu_docdata_t *d);

#endif
