/* tracuu: decoding text in the encodings Vietnamese computing went through,
 * to UTF-8.  iconv where glibc has the encoding (UTF-16, WINDOWS-1258,
 * VISCII, CP1252), our own tables where it has not (TCVN3/ABC, VNI-Windows,
 * VIQR).  Detection: BOM, then the declared charset, then each candidate
 * decoding scored by its share of valid Vietnamese syllables. */
#ifndef TRACUU_ENCODING_H
#define TRACUU_ENCODING_H

#include <stddef.h>
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Canonical names: "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1258",
 * "VISCII", "TCVN3", "VNI", "VIQR", "WINDOWS-1252". */

/* The canonical name for a user- or file-given NAME (case-insensitive,
 * aliases such as "utf8", "cp1258", "abc", "vni-windows"), or NULL if it is
 * not one we decode.  Static storage. */
const char *tracuu_encoding_canon(const char *name);

/* Decode BYTES (N) into *OUT (malloc'd UTF-8, NUL-terminated, caller frees;
 * not yet NFC).  HINT is a declared charset (HTML meta, libmagic) or NULL;
 * FORCE (canonical or alias) overrides detection.  *ENCODING gets the
 * canonical name used (static).  Invalid input is decoded as far as it goes,
 * with U+FFFD for what is not valid (one per bad byte; per bad 2-byte unit
 * in UTF-16); *N_INVALID counts those.  OUT_LEN, ENCODING and N_INVALID may
 * be NULL.  BYTES may be NULL when N is 0 (gives "", "UTF-8").
 * Detection order: BOM (stripped); a HINT we know, except Latin-1/
 * Windows-1252 (which TCVN3 and VNI documents used to declare), which goes
 * on to detection; UTF-16 without BOM (NULs in one byte parity); valid
 * UTF-8 (pure ASCII that reads as VIQR is VIQR unless the hint says
 * UTF-8/ASCII; UTF-8 holding only Windows-1252 characters that reads far
 * better as TCVN3 or VNI bytes is such a text seen through Windows-1252,
 * as .doc extractors give .VnTime text: decoded as such and named TCVN3 or
 * VNI, even with a UTF-8 hint); else the best-scoring of damaged UTF-8,
 * TCVN3, VNI, WINDOWS-1258, VISCII, or WINDOWS-1252 when none reads as
 * Vietnamese.
 * Only the first 64 KiB are scored; time is linear in N.
 * Returns TRACUU_OK, TRACUU_ERR_NOMEM, TRACUU_ERR_INVALID_ARG (unknown
 * FORCE, or OUT NULL, or BYTES NULL with N > 0), TRACUU_ERR_ENCODING (the
 * system iconv lacks the encoding needed). */
tracuu_status_t tracuu_decode(const char *bytes, size_t n, const char *hint,
                              const char *force, char **out, size_t *out_len,
                              const char **encoding, size_t *n_invalid);

/* Share (0..1) of the words of UTF-8 TEXT (N bytes) that are valid
 * Vietnamese syllables; the detection score.  Words with a Vietnamese
 * letter or tone, and words with other non-ASCII letters, weigh three times
 * a plain ASCII word, so a wrong decoding (Latin-1 letters) scores low.
 * Uses the encoder's own syllable check (shape-aware: "nóm" is one, "ThẾ"
 * is not), not tracuu_is_vn_syllable.  0 for NULL or no words. */
double tracuu_vn_score(const char *text, size_t n);

#ifdef __cplusplus
}
#endif
#endif
