/* tracuu internal: word helpers shared by the document-knowledge parsers
 * (docnum.c, docdate.c, owndate.c, models.c, abbrev.c, doctables.c).
 * Text is stored text (NFC UTF-8); positions are byte offsets.  Code
 * points: text/tu_chars.h. */
#ifndef TU_SCAN_H
#define TU_SCAN_H

#include <stddef.h>

/* Folded key of S[0..N) (tracuu_norm_fold) into OUT (CAP bytes incl. NUL):
 * length, or -1 if it does not fit. */
int tu_scan_fold(const char *s, size_t n, char *out, size_t cap);
/* 1 if the folded form of S[0..N) equals FOLDED (ASCII). */
int tu_scan_word_is(const char *s, size_t n, const char *folded);
/* End of the word (run of letters and digits) starting at P. */
size_t tu_scan_word_end(const char *s, size_t n, size_t p);
/* malloc'd copy of S[0..N) with a NUL; NULL if out of memory. */
char *tu_scan_strndup(const char *s, size_t n);

/* Limits: every list grown while extracting has a maximum size. */
#define TU_META_MAX_REFS   4096
#define TU_META_MAX_MODELS 4096
#define TU_META_MAX_PAIRS  1024

#endif
