/* Term-level pieces of the query parser (lib/search/query.c), kept apart so
 * that the parser stays one job: a folded word's query with its joined
 * alternative, prefix* expansion, and nearness (NEAR, NEAR/n, and the boost
 * of words standing close together). */
#ifndef TU_QTERM_H
#define TU_QTERM_H

#include <stddef.h>
#include "tracuu/tokenize.h"
#include "tracuu/xdb.h"

/* The shortest prefix before a '*' (folded bytes) and the most words one
 * prefix may stand for. */
#define TU_WILDCARD_MIN 2
#define TU_WILDCARD_MAX 300

/* PREFIX + KEY as a term query; NULL if too long. */
tracuu_query_t *tu_qterm(const char *prefix, const char *key, size_t n);

/* The query of the token T whose folded key is KEY: the term, OR'ed with
 * the joined form of a compound ("2.450" also as "2450", "H'Drai" also as
 * "hdrai": text/tu_joined.h).  A term or an OR of terms, so it can stand in
 * a phrase or NEAR. */
tracuu_query_t *tu_qterm_word(const char *prefix, const tracuu_token_t *t,
                              const char *key, size_t kl);

/* The words starting with the folded KEY (KL bytes) under PREFIX ("" or
 * "XT"): at least TU_WILDCARD_MIN bytes, at most TU_WILDCARD_MAX words.
 * POSITIONAL: the result must be an OR of terms (inside a phrase), else an
 * OP_WILDCARD capped at TU_WILDCARD_MAX.  With DB NULL (no expansion
 * possible) an OP_WILDCARD, or in a phrase the bare prefix as a term.  On a prefix too short or too common,
 * NULL and *ERR a malloc'd message ("tr*" named as TYPED, TL bytes). */
tracuu_query_t *tu_wildcard_query(tracuu_db_t *db, const char *prefix,
                                  const char *key, size_t kl, int positional,
                                  const char *typed, size_t tl, char **err);

/* The accent-exact boost of a marked prefix (XA terms, no error: the most
 * frequent TU_WILDCARD_MAX forms), or NULL. */
tracuu_query_t *tu_wildcard_exact(const char *exact, size_t el);

/* "NEAR" (1, *GAP 10) or "NEAR/n" (1, *GAP n, 0..50); 0 if S is not the
 * operator; -1 if it is "NEAR/" with a bad number. */
int tu_near_operator(const char *s, size_t n, unsigned *gap);

/* NEAR over the term queries Q[0..N) (taken), all within N + GAP positions
 * in any order. */
tracuu_query_t *tu_near_query(tracuu_query_t **q, size_t n, unsigned gap);

/* The nearness boost of a run of N unquoted words (folded KEYS, run
 * order): documents where they all stand within N + 3 positions (a few
 * short words such as "số", "của", "và" between them) weigh more.  NULL
 * when N < 2. */
tracuu_query_t *tu_near_boost(char *const *keys, size_t n);

#endif
