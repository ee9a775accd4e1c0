/* tracuu internal: the document's own identity from its header
 * (header.c). */
#ifndef TU_HEADER_H
#define TU_HEADER_H

#include <stddef.h>
#include "tracuu/meta.h"

/* Read the header of TEXT (N bytes) into *OWN (zeroed before).  Nothing
 * is set when the text has no administrative header.  TRACUU_ERR_NOMEM
 * only. */
tracuu_status_t tu_header_parse(const char *s, size_t n, tracuu_own_t *own);

#endif
