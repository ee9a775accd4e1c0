/* tracuu: rendering search results as JSON (the contract of docs/design.md
 * section 4), shared by tracuu-search --json and tracuu.cgi format=json. */
#ifndef TRACUU_RENDER_H
#define TRACUU_RENDER_H

#include "tracuu/search.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The results object: {"query", "total", "offset", "suggestion", "results":
 * [...]} plus "facets" when WITH_FACETS.  Each result also carries
 * "highlights" ([[start, length], ...] in bytes of "snippet"), "format" and
 * "encoding".  Malloc'd, NUL-terminated, one line with a final newline;
 * caller frees.  NULL when out of memory. */
char *tracuu_results_json(const tracuu_results_t *r, int with_facets);

/* The listing object: {"refs": [...]} or {"models": [...]}. */
char *tracuu_listing_json(const tracuu_listing_t *l, int what);

/* One document: {"docid", "path", "title", "date", "refs", "models",
 * "format", "encoding", "text", "highlights"}. */
char *tracuu_docview_json(const tracuu_docview_t *v);

#ifdef __cplusplus
}
#endif
#endif
