/* tracuu internal: abbreviations (abbrev.c) and the curated table
 * (abbrev_table.c, generated from data/abbreviations.tsv). */
#ifndef TU_ABBREV_H
#define TU_ABBREV_H

#include <stddef.h>
#include "tracuu/meta.h"

/* Append the abbreviation pairs defined in S to M (de-duplicated). */
tracuu_status_t tu_abbr_extract(const char *s, size_t n, tracuu_meta_t *m);

typedef struct { const char *abbr; const char *expansion; } tu_abbr_entry_t;
extern const tu_abbr_entry_t tu_abbr_table[];
extern const size_t tu_abbr_table_n;

#endif
