/* tracuu internal: one display name per model across the archive
 * (modelforms.c). */
#ifndef TU_MODELFORMS_H
#define TU_MODELFORMS_H

#include "tracuu/xdb.h"

/* Count FORM as one more way of writing the model KEY (metadata
 * "modelforms:KEY": lines "COUNT\tFORM") and set "model:KEY", the display
 * name listings show, to the best form: one with marks before one without,
 * then the most frequent, then the first seen.  0, or -1 on a write
 * error. */
int tu_model_form_add(tracuu_db_t *db, const char *key, const char *form);

/* The "modelforms:KEY" texts of several part databases (TAGS[0..N), LENS)
 * as one: the counts of each form added.  malloc'd, length in *LEN; NULL
 * when out of memory. */
char *tu_model_forms_merge(const char *const *tags, const size_t *lens, size_t n,
                           size_t *len);
/* The best form (as for "model:KEY") of a "modelforms:KEY" text; malloc'd,
 * NULL if it holds none. */
char *tu_model_forms_best(const char *text, size_t len);

#endif
