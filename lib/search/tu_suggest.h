/* "Did you mean" with the diacritics restored: for a query typed without
 * marks, the accented form most frequent in the matching documents.
 * Phrase-aware: the whole query as a run of adjacent words counts first
 * ("dan van kheo" -> "dân vận khéo"), word by word only when the words are
 * never adjacent. */
#ifndef TU_SUGGEST_H
#define TU_SUGGEST_H

#include <stddef.h>
#include "tracuu/tokenize.h"
#include "tracuu/xdb.h"

typedef struct tu_suggest tu_suggest_t;

/* WORDS: the query's words (NFC).  NULL on no memory or nothing to do. */
tu_suggest_t *tu_suggest_new(const char *const *words, size_t n);
/* Count the accented forms of the query's words in a stored text, token by
 * token (the caller tokenizes the text for its snippet anyway):
 * tu_suggest_begin before each text, then tu_suggest_token (a
 * tracuu_token_cb with S as its context) for each of its tokens.  Both
 * accept a NULL S. */
void tu_suggest_begin(tu_suggest_t *s);
int tu_suggest_token(const tracuu_token_t *t, void *s);
/* The suggestion (malloc'd, caller frees), or NULL when nothing would
 * change.  Words the matching documents did not show take the archive's
 * most frequent accented form, from DB's exact-form terms (DB may be
 * NULL: no fallback). */
char *tu_suggest_result(tu_suggest_t *s, tracuu_db_t *db);
void tu_suggest_free(tu_suggest_t *s);

#endif
