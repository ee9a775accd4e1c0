/* Internal: one search, for tracuu_search (lib/search/correct.c, which
 * adds the corrected search) and tracuu_like (lib/search/like.c). */
#ifndef TU_SEARCH_H
#define TU_SEARCH_H

#include "search/tu_query.h"
#include "tracuu/search.h"

/* Search REQ on DB.  GIVEN (may be NULL): an already built query, taken
 * (cleared) instead of parsing req->query.  FORCE_SUGGEST: count the
 * accented forms of the words even if some were typed with marks (the
 * corrected search reads the corrected word's marks from them). */
tracuu_status_t tu_search_run(tracuu_db_t *db, const tracuu_search_req_t *req,
                              tu_parsed_t *given, int force_suggest,
                              tracuu_results_t **out, char **errmsg);

#endif
