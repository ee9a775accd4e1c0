/* Highlighting and snippets: find the words of a text that match a query's
 * folded terms, whatever their accents, and cut the best passage. */
#ifndef TU_SNIPPET_H
#define TU_SNIPPET_H

#include <stddef.h>
#include "tracuu/search.h"
#include "tracuu/tokenize.h"

/* Spans (byte offsets into TEXT) of every token whose folded form is one of
 * TERMS (a term ending in '*' matches every folded form starting with what
 * comes before the star); a matched compound ("25-NQ/TW") is one span.  *SPANS malloc'd
 * (caller frees), in text order, non-overlapping.  -1 on no memory. */
int tu_highlight(const char *text, size_t len, char *const *terms,
                 size_t n_terms, tracuu_span_t **spans, size_t *n_spans);

/* A passage of about MAX bytes around the densest cluster of matches (the
 * start of the text if none), whitespace collapsed, "…" where cut, at
 * character boundaries.  *SNIPPET and *SPANS (offsets into the snippet)
 * malloc'd, caller frees.  -1 on no memory.  WATCH (may be NULL) sees every
 * token of the text scanned, so that another reader (the suggestion) needs
 * no second pass. */
int tu_snippet(const char *text, size_t len, char *const *terms,
               size_t n_terms, size_t max, char **snippet,
               tracuu_span_t **spans, size_t *n_spans,
               tracuu_token_cb watch, void *watch_ctx);

#endif
