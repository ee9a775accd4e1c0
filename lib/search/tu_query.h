/* The query parser: user query text -> Xapian query (through xdb.h), plus
 * what the snippet and suggestion code need to know about the query.
 *
 * Syntax (docs/design.md section 4): words (marks optional), "phrases" (also
 * “curly”), AND / OR / NOT (upper case), -word, parentheses, and the fields
 * of lib/index/schema.c: title: so: loai: coquan: nam: ngay:FROM..TO mohinh:.
 * Adjacent words are ANDed; documents where they stand together as a phrase
 * rank first.  A word with marks also matches every other accent, but the
 * exact form adds weight.  Abbreviations expand through the database's
 * synonym table, in both directions. */
#ifndef TU_QUERY_H
#define TU_QUERY_H

#include <stddef.h>
#include "tracuu/status.h"
#include "tracuu/xdb.h"
#include "search/tu_partial.h"

typedef struct {
    tracuu_query_t *q;        /* owned; NULL when the query is empty */
    char **hl; size_t n_hl;   /* folded terms to highlight (not under NOT) */
    char **words; size_t n_words; /* the plain words typed, NFC, in order */
    int any_marks;            /* some word was typed with marks */
    int only_words;           /* nothing but plain words (no fields/ops) */
    tu_partial_t partial;     /* the relaxed query (partial matching) */
} tu_parsed_t;

/* Parse TEXT (UTF-8).  DB (may be NULL) supplies synonyms.  On
 * TRACUU_ERR_QUERY, *ERRMSG gets a malloc'd English message saying what and
 * where (character position, counted from 1). */
tracuu_status_t tu_query_parse(tracuu_db_t *db, const char *text,
                               tu_parsed_t *out, char **errmsg);
/* tu_query_parse for a search of the whole archive: no facet filter and no
 * access scope keeps documents of the query out.  Then the phrase of a run
 * of words that is the whole query is tried only where its nearness holds
 * (lib/search/query.c, with_run_boosts); the matches and weights are those
 * of tu_query_parse. */
tracuu_status_t tu_query_parse_whole(tracuu_db_t *db, const char *text,
                                     tu_parsed_t *out, char **errmsg);
void tu_parsed_clear(tu_parsed_t *p);

/* The folded key of a value typed for a boolean field, as the indexer
 * writes it (e.g. for so: the document number's key).  Malloc'd. */
char *tu_field_value_key(const char *field, const char *value, size_t n);

#endif
