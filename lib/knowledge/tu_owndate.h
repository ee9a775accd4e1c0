/* tracuu internal: the document's own date (owndate.c). */
#ifndef TU_OWNDATE_H
#define TU_OWNDATE_H

#include <stddef.h>

/* The document's own date, from its header area, into ISO ("" if none). */
void tu_docdate_find(const char *s, size_t n, char iso[11]);

#endif
