/* Typo tolerance: the correction of a query of plain words that found
 * nothing.  Candidates for each word, folded: its Telex/VNI reading, Xapian's
 * spelling suggestion (up to 2 edits, from the dictionary of the archive's
 * folded words that the indexer keeps), and the archive's words one edit
 * away (a wrong, missing, extra or swapped letter).  The words are
 * corrected one at a time, in the context of the others: a correction that
 * makes the query find documents with the words in a row wins over one
 * that finds them apart, then fewer edits, then the more frequent word.
 * Only when no single word does it are all the unknown words replaced. */
#ifndef TU_SPELL_H
#define TU_SPELL_H

#include <stddef.h>
#include "tracuu/xdb.h"

#define TU_SPELL_MAX_WORDS 8

typedef struct {
    size_t n;
    char *fold[TU_SPELL_MAX_WORDS];   /* folded correction, NULL = keep */
    char *shown[TU_SPELL_MAX_WORDS];  /* how to show it (Telex: "vận") */
} tu_spell_t;

/* Correct WORDS (N, NFC as typed).  0 and OUT filled when some word was
 * corrected and the corrected words (all of them, anywhere) find a
 * document; 1 when there is no such correction; -1 on no memory. */
int tu_spell_correct(tracuu_db_t *db, char *const *words, size_t n,
                     tu_spell_t *out);
void tu_spell_clear(tu_spell_t *s);

/* Damerau-Levenshtein distance of A and B (bytes), capped at 3. */
unsigned tu_spell_distance(const char *a, const char *b);

#endif
