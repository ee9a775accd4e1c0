/* tracuu internal: "mô hình" names (models.c). */
#ifndef TU_MODELS_H
#define TU_MODELS_H

#include <stddef.h>
#include "tracuu/meta.h"

/* Append the models named in S to M (de-duplicated by key). */
tracuu_status_t tu_models_extract(const char *s, size_t n, tracuu_meta_t *m);

#endif
