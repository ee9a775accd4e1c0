/* Document numbers as people type them in a query (issue 15 point 4,
 * issue 9 point 5): citation shorthand ("NQ 36", "nghị quyết số 36",
 * "chỉ thị 05", "QĐ 217/UBND", "thông tư 07 2024") and numbers typed
 * loosely ("36NQ/TW", "36 NQ TW", "7-CT/TU" for 07-CT/TU, "07–CT/TU" with
 * an en or em dash, "36/NQ-TW" for 36-NQ/TW), marks and case optional.
 *
 * A citation is matched by value against the document numbers the indexer
 * wrote (XREF terms, parsed by lib/knowledge/docnum.c): the same number
 * (leading zeros ignored), the same type, and the issuer and year when they
 * were typed.  The numbers found in the archive become one boost query:
 * documents citing one of them rank above every other document (a weight
 * tier, TU_TIER_REF), so a report citing 35-NQ/TW with a stray "36" never
 * outranks one citing 36-NQ/TW. */
#ifndef TU_NUMQUERY_H
#define TU_NUMQUERY_H

#include <stddef.h>
#include "tracuu/xdb.h"

/* Weight tiers (constant weights far above any BM25 sum): a document holding
 * every word of a relaxed query gets TU_TIER, one citing a number typed in
 * the query 2 * TU_TIER.  The displayed score is the weight modulo TU_TIER. */
#define TU_TIER 100000.0
#define TU_TIER_REF (2 * TU_TIER)

#define TU_CITE_MAX_REFS 64

typedef struct {
    const char *s;   /* one word as typed (NFC), not NUL-terminated */
    size_t n;
} tu_word_t;

/* What a citation typed in a query asks for. */
typedef struct {
    char number[12];   /* digits, leading zeros removed */
    char types[3][8];  /* folded type codes ("nq"; "quy định" gives two) */
    int n_types;
    char issuer[24];   /* folded issuer code or "" */
    int year;          /* 0 if not typed */
} tu_cite_t;

/* A citation starting at word I of W[0..NW): the number of words it takes
 * (0 if none) and *C.  Pure parsing, no database: tested alone. */
size_t tu_cite_parse(const tu_word_t *w, size_t nw, size_t i, tu_cite_t *c);

/* The folded keys of the archive's document numbers matching C (at most
 * TU_CITE_MAX_REFS, malloc'd each, into KEYS); their count. */
size_t tu_cite_refs(tracuu_db_t *db, const tu_cite_t *c, char **keys);

/* The boost query for KEYS[0..N): FILTER(const TU_TIER_REF, OR(XREF...)). */
tracuu_query_t *tu_cite_boost(char *const *keys, size_t n);

#endif
