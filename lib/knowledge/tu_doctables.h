/* tracuu internal: the tables of document type and issuer codes
 * (doctables.c). */
#ifndef TU_DOCTABLES_H
#define TU_DOCTABLES_H

#include <stddef.h>

/* Table spelling of a type / issuer code given in any case, with or without
 * marks ("qd" -> "QĐ"); static storage; NULL if not in the table. */
const char *tu_type_canon(const char *code, size_t n);
const char *tu_issuer_canon(const char *code, size_t n);

#endif
