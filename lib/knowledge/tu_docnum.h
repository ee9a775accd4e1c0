/* tracuu internal: document numbers in text and typed by users (docnum.c). */
#ifndef TU_DOCNUM_H
#define TU_DOCNUM_H

#include <stddef.h>
#include "tracuu/meta.h"

/* A document number starting exactly at P (a digit).  TEXT_MODE 1: in
 * running text (unknown issuers must be upper case); 0: typed by a user.
 * On success fills *OUT (owned by the caller: tracuu_ref_clear), sets *END
 * to the end of the number and of an issue date after it, *NUM_END to the
 * end of the number itself, and returns 1; 0 if none; -1 out of memory. */
int tu_ref_at(const char *s, size_t n, size_t p, int text_mode,
              tracuu_ref_t *out, size_t *num_end, size_t *end);
/* Next document number at or after *POS in running text: 1 found (*START,
 * *END as above; *POS advanced past it), 0 none left, -1 out of memory. */
int tu_ref_next(const char *s, size_t n, size_t *pos, tracuu_ref_t *out,
                size_t *start, size_t *end);

#endif
