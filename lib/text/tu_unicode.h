/* Internal: Unicode look-up tables built once from utf8proc's data, shared
 * by the normaliser's fast paths.  Thread-safe (built under pthread_once). */
#ifndef TU_UNICODE_H
#define TU_UNICODE_H

#include <stddef.h>
#include <stdint.h>

/* 1 if the code point CP is an "NFC boundary": a starter that NFC leaves
 * unchanged and that never composes with what precedes it, so text can be
 * cut before it and normalised piece by piece.  0 for combining marks,
 * Hangul jamo, composition exclusions, singletons, and (conservatively) for
 * every code point above U+FFFF.  ASCII is always 1. */
int tu_uni_nfc_boundary(uint32_t cp);

/* Folded form of CP (lower case, marks stripped, đ -> d) when it is one
 * ASCII byte, else 0 (then the caller takes the slow path).  Covers ASCII,
 * U+0080..U+024F and U+1E00..U+1EFF; 0 elsewhere. */
unsigned char tu_uni_fold_ascii(uint32_t cp);

/* The first byte tracuu_norm_fold would give for the N bytes at S (a
 * token), without folding it: when its first code point folds to one ASCII
 * byte, that byte; else -1 (fold it to know).  Lets a scanner that looks
 * for a few words skip most tokens unfolded. */
int tu_uni_fold_first(const char *s, size_t n);

/* Vietnamese letters.  Shapes and tones as small numbers: */
enum { TU_SH_NONE, TU_SH_CIRC, TU_SH_BREVE, TU_SH_HORN, TU_SH_STROKE };
/* tone 0: none, 1..5: the combining marks in tu_uni_tone_mark[]. */
extern const uint32_t tu_uni_tone_mark[6];

/* If CP (either case) is a Latin letter a-z, đ, or a precomposed letter
 * made of a-z plus at most one shape mark and one Vietnamese tone mark,
 * returns base | shape << 8 | tone << 12 (base lower-case ASCII, đ has base
 * 'd' and shape TU_SH_STROKE); else 0. */
unsigned tu_uni_vn_split(uint32_t cp);

/* The precomposed lower-case letter for BASE (a-z), SHAPE and TONE, or 0 if
 * Unicode has no single code point for it. */
uint32_t tu_uni_vn_join(int base, int shape, int tone);

#endif
