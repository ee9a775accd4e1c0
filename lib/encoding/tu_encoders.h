/* tracuu internal: our own converters for the Vietnamese encodings glibc's
 * iconv does not have: TCVN3 (TCVN 5712:1993 VN3, "ABC"), VNI-Windows and
 * VIQR (RFC 1456).  Decoders go to UTF-8; encoders from UTF-8 exist for the
 * tests (and test programs that generate legacy files).
 *
 * Decoders: OUT must have room for 3 * N + 1 bytes; they write UTF-8 and a
 * final NUL, return the length (without the NUL) and add the number of
 * bytes that could not be decoded (written as U+FFFD) to *N_INVALID (may be
 * NULL).  They never fail.
 *
 * Encoders: IN is UTF-8 in NFC (N bytes).  They return a malloc'd,
 * NUL-terminated string owned by the caller (free()), its length in
 * *OUT_LEN, or NULL if out of memory.  A character the encoding cannot hold
 * becomes '?' and is counted in *N_UNMAPPED (may be NULL); invalid UTF-8
 * too. */
#ifndef TU_ENCODERS_H
#define TU_ENCODERS_H

#include <stddef.h>

size_t tu_tcvn3_decode(const char *in, size_t n, char *out, size_t *n_invalid);
size_t tu_vni_decode(const char *in, size_t n, char *out, size_t *n_invalid);

/* VIQR decoding also counts, in *N_MARKED (may be NULL), the letters that
 * received a mark (the evidence detection weighs). */
size_t tu_viqr_decode(const char *in, size_t n, char *out, size_t *n_invalid,
                      size_t *n_marked);

/* TCVN3 cannot hold upper-case letters with a tone (nor Ư Ơ Ă Â Ê Ô Đ with
 * one): they are written as the lower-case letter, as .VnTimeH users did. */
char *tu_tcvn3_encode(const char *in, size_t n, size_t *out_len,
                      size_t *n_unmapped);
char *tu_vni_encode(const char *in, size_t n, size_t *out_len,
                    size_t *n_unmapped);
/* VIQR: marks after the letter (breve '(', circumflex '^', horn '+', then
 * tone ' ` ? ~ .), đ as "dd"; a literal mark character that follows a
 * vowel is escaped with '\'. */
char *tu_viqr_encode(const char *in, size_t n, size_t *out_len,
                     size_t *n_unmapped);

/* Mojibake: S (valid UTF-8) that reads far better as Vietnamese once one
 * or two layers of "UTF-8 read as Windows-1252/1258, saved as UTF-8" are
 * undone: the repaired text (malloc'd, NUL-terminated; *LAYERS 1 or 2),
 * else NULL (enc_mojibake.c). */
char *tu_mojibake_repair(const char *s, size_t n, size_t *out_n, int *layers);

/* The Windows-1252 code point of byte B in 0x80..0x9F, or 0 if undefined. */
unsigned tu_cp1252_c1(unsigned char b);

#endif
