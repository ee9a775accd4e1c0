/* Internal: Unicode look-up tables built once from utf8proc's data, shared
 * by the normaliser's fast paths.  Thread-safe (built under pthread_once). */
#ifndef TU_UNICODE_H
#define TU_UNICODE_H

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

#endif
