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

#endif
