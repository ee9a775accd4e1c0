/* tracuu internal: a document's own identity and its citation links at
 * search time (citations.c). */
#ifndef TU_CITATIONS_H
#define TU_CITATIONS_H

#include "tracuu/search.h"
#include "index/tu_docdata.h"

/* Move the own identity of D into *ID (D's fields become NULL), add the
 * labels of its codes and the number of documents citing its number. */
tracuu_status_t tu_ident_take(tracuu_db_t *db, tu_docdata_t *d,
                              tracuu_ident_t *id);
/* For each of the N display forms REFS, the document of the archive whose
 * own number it is (0 if none): *OUT malloc'd (NULL if N is 0). */
tracuu_status_t tu_ref_links(tracuu_db_t *db, char *const *refs, size_t n,
                             tracuu_docid_t **out);
/* The document whose own number is the display form REF, or 0. */
tracuu_docid_t tu_ref_owner(tracuu_db_t *db, const char *ref);

#endif
