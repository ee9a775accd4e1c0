/* tracuu: Vietnamese text normalisation.
 *
 * Three forms of a text:
 *  - stored text: valid UTF-8 in NFC; nothing else changes (case, tone
 *    placement and punctuation are kept), so what is shown is what was written.
 *  - exact key of a word: NFC, lower case, tone mark moved to its canonical
 *    vowel ("old style": hòa, thủy, ủy, khỏe, quý, giá, thuở), so that
 *    "Huyện uỷ" and "huyện ủy" give the same keys.
 *  - folded key of a word: lower case, every mark removed, đ -> d
 *    ("Đảng ủy" -> "dang uy"); other scripts are lower-cased and stripped of
 *    combining marks.
 *
 * The indexer and the query side both use these functions, so a document and
 * a query are always reduced the same way. */
#ifndef TRACUU_NORMALIZE_H
#define TRACUU_NORMALIZE_H

#include <stddef.h>
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Make TEXT (N bytes, any UTF-8 including NFD or mixed, possibly invalid)
 * into stored text: each invalid byte sequence becomes U+FFFD, the result is
 * NFC.  *OUT is malloc'd and NUL-terminated, owned by the caller (free());
 * *OUT_LEN gets its length; *N_INVALID (if not NULL) the number of invalid
 * sequences replaced.  Returns TRACUU_OK or TRACUU_ERR_NOMEM (then *OUT is
 * NULL). */
tracuu_status_t tracuu_norm_text(const char *text, size_t n, char **out,
                                 size_t *out_len, size_t *n_invalid);

/* Exact key of the word W (N bytes, valid UTF-8, NFC or not).  Writes at most
 * CAP bytes plus a NUL into OUT.  Returns the key's length, or -1 if it does
 * not fit or W is not valid UTF-8.  A word that is not a Vietnamese syllable
 * (by tracuu_is_vn_syllable) is only NFC'd and lower-cased. */
int tracuu_norm_exact(const char *w, size_t n, char *out, size_t cap);

/* Folded key of W, as above.  The folded key is never longer than W's NFD
 * form; a CAP of 4*N+4 always suffices. */
int tracuu_norm_fold(const char *w, size_t n, char *out, size_t cap);

/* 1 if W carries any Vietnamese or other diacritic (or đ/Đ), else 0: a query
 * word typed with marks gets the exact-form boost. */
int tracuu_has_marks(const char *w, size_t n);

/* 1 if W (any case, with or without marks, NFC or NFD) is a well-formed
 * Vietnamese syllable: optional initial consonant, a vowel cluster allowed
 * in Vietnamese, an optional final consonant (c ch m n ng nh p t), at most
 * one tone mark; else 0.  Used to score candidate decodings. */
int tracuu_is_vn_syllable(const char *w, size_t n);

/* 1 if the N bytes at S are valid UTF-8 (no overlongs, no surrogates). */
int tracuu_utf8_valid(const char *s, size_t n);

#ifdef __cplusplus
}
#endif
#endif
