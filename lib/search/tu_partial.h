/* Ranked partial matching (issue 15): questions, sentences and pasted
 * paragraphs find the documents holding most of them.
 *
 * The parser hands over each run of plain words as items (a word, a run of
 * words forming a synonym key, or a citation).  Here:
 *  - question and filler words (data/fillers.txt) become optional: they add
 *    weight but do not decide matching (tu_partial_strict), unless the run
 *    has fewer than two other words;
 *  - a relaxed query is built beside the strict one (tu_partial_relax):
 *      short queries (2 to 5 content words): every word but one, never the
 *        rarest; words found nowhere in the archive are dropped;
 *      long queries (6 content words or more, and pasted text): at least
 *        one of the TU_PARTIAL_ELITE rarest words, the others and the
 *        rarest adjacent pairs (as phrases) only add weight;
 *    in both, documents holding every word form a weight tier above the
 *    rest (FILTER(const TU_TIER, AND(all))), so they always come first;
 *  - tu_partial_pick decides at search time: a long query is searched
 *    relaxed; a short one only when its strict form finds fewer than
 *    min_strict documents.
 * Words forced with "+word", an explicit AND, quotes and fields are never
 * relaxed. */
#ifndef TU_PARTIAL_H
#define TU_PARTIAL_H

#include <stddef.h>
#include <stdint.h>
#include "tracuu/xdb.h"

#define TU_PARTIAL_LONG 6      /* content words that make a query long */
#define TU_PARTIAL_ELITE 10    /* rarest words one of which must match */
#define TU_PARTIAL_WEIGH 24    /* rarest words that add weight at all */
#define TU_PARTIAL_PAIRS 8     /* rarest adjacent pairs scored as phrases */
#define TU_PASTE_WORDS 20      /* words that make a query pasted text */

typedef struct {
    const char *words;   /* "bao nhiêu": NFC, lower case, marked */
    int folded_too;      /* also a filler typed without marks */
} tu_filler_entry_t;

extern const tu_filler_entry_t tu_filler_table[];
extern const size_t tu_filler_table_n;

enum { TU_PARTIAL_NONE, TU_PARTIAL_SHORT, TU_PARTIAL_LONGQ };

typedef struct {
    tracuu_query_t *q;     /* the item's query (owned until handed over) */
    tracuu_query_t *pair;  /* phrase of this item and the next, or NULL */
    const char *s;         /* its text as typed (NFC) */
    size_t n;
    int forced;            /* +word or a citation: never dropped */
    int filler;            /* set by tu_partial_mark */
    int syn;               /* has synonyms: may match without its words */
    uint32_t freq;         /* documents holding it (min over its words) */
} tu_item_t;

typedef struct {
    tracuu_query_t *q;     /* relaxed query for the whole parse, or NULL */
    int mode;              /* TU_PARTIAL_NONE / _SHORT / _LONGQ */
    uint32_t min_strict;   /* SHORT: relax when strict finds fewer */
    int pasted;            /* the query was read as pasted text */
} tu_partial_t;

/* 1 if the words W[0..N) (NFC, lengths WN) start with a filler; *LEN gets
 * how many words it takes.  A word typed with marks must match an entry's
 * marks (tone placement and case aside); one typed without marks matches
 * only the entries marked "*". */
int tu_filler_at(const char *const *w, const size_t *wn, size_t n,
                 size_t *len);

/* Mark the fillers of IT[0..N) and look up each item's frequency. */
void tu_partial_mark(tracuu_db_t *db, tu_item_t *it, size_t n);

/* The strict query of a run: every content item, the fillers optional,
 * PHRASE (may be NULL) as a boost.  Takes ownership of the items' q and
 * PHRASE (not of pair). */
tracuu_query_t *tu_partial_strict(tu_item_t *it, size_t n,
                                  tracuu_query_t *phrase);

/* The relaxed query of a run (copies of the items' queries; takes the
 * pairs); sets PP's mode and min_strict (reads PP->pasted).  NULL if there
 * is nothing to relax. */
tracuu_query_t *tu_partial_relax(tu_item_t *it, size_t n, tu_partial_t *pp);

/* Pasted text: 1 if TEXT (NFC) reads as a pasted paragraph rather than a
 * query (TU_PASTE_WORDS words or more, or a line break and 8 words); then
 * *OUT gets a malloc'd copy where quotes, parentheses, colons, leading
 * +/- and upper-case AND/OR/NOT are plain text, cut to 200 words. */
int tu_partial_paste(const char *text, char **out);

/* At search time: 1 if the relaxed query should run instead of STRICT. */
int tu_partial_pick(tracuu_db_t *db, const tu_partial_t *pp,
                    const tracuu_query_t *strict);

void tu_partial_clear(tu_partial_t *pp);

#endif
