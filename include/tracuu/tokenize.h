/* tracuu: tokenizer for Vietnamese text (NFC UTF-8).
 *
 * Vietnamese writes one syllable per token.  A token is a maximal run of
 * "word characters" (letters of any script with their combining marks, and
 * digits).  Word characters joined by a single connector from  - / . , ' ’ _
 * with a word character on both sides form a compound: "25-NQ/TW",
 * "61/2018/NĐ-CP", "2.343", "50,68", "KT-XH", "M’Drắk", "19/19", "2021-2022".
 * A compound is emitted whole (TRACUU_TOK_COMPOUND) and then as its parts
 * (TRACUU_TOK_PART), so both "25-NQ/TW" and "NQ" are found.
 *
 * Positions: each simple token and each part takes the next position; the
 * whole compound shares the position of its first part.  A sentence end
 * (. ! ? ; : followed by space, or a line break) advances the position by
 * TRACUU_TOK_SENTENCE_GAP so that no phrase matches across it. */
#ifndef TRACUU_TOKENIZE_H
#define TRACUU_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TRACUU_TOK_SENTENCE_GAP 8u
#define TRACUU_TOK_MAX_BYTES 64u   /* longer tokens are skipped (not emitted) */

enum {
    TRACUU_TOK_WORD = 1u,      /* contains a letter */
    TRACUU_TOK_NUMBER = 2u,    /* digits only (for compounds: digits and connectors) */
    TRACUU_TOK_COMPOUND = 4u,  /* the whole of a compound */
    TRACUU_TOK_PART = 8u       /* one part of a compound */
};

typedef struct {
    const char *s;      /* points into the input text; not NUL-terminated */
    size_t len;         /* bytes */
    size_t offset;      /* byte offset of s in the input */
    uint32_t pos;       /* term position */
    unsigned flags;     /* TRACUU_TOK_* */
} tracuu_token_t;

/* Called once per token in text order (a compound before its parts).
 * Return 0 to go on, non-zero to stop. */
typedef int (*tracuu_token_cb)(const tracuu_token_t *tok, void *ctx);

/* Tokenize TEXT (N bytes, valid UTF-8).  Positions start at FIRST_POS.
 * Returns the next free position (for tokenizing a second field after the
 * first). */
uint32_t tracuu_tokenize(const char *text, size_t n, uint32_t first_pos,
                         tracuu_token_cb cb, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
