/* Abbreviations as Xapian synonyms: the one place that decides how a
 * synonym key looks, used by the indexer (writing pairs) and the query
 * parser (looking runs of words up), so both always agree. */
#ifndef TU_SYNONYMS_H
#define TU_SYNONYMS_H

#include <stddef.h>
#include "tracuu/xdb.h"

/* The key of a phrase: its tokens folded and joined by one space, compounds
 * whole ("KT-XH" -> "kt-xh", "kinh tế - xã hội" -> "kinh te xa hoi",
 * "cán bộ, đảng viên" -> "can bo dang vien").  Returns the length, 0 if
 * the text has no token, -1 if it does not fit in CAP. */
int tu_syn_key(const char *s, size_t n, char *out, size_t cap);

/* Record ABBR <-> EXPANSION in both directions (and the forms with marks
 * of both keys, metadata "syn:KEY"), unless ABBR folds to a
 * Vietnamese syllable (ĐU, TU, HU: they would collide with dự, tự, hư).
 * 0, or -1 on a write error (see tracuu_db_last_error). */
int tu_syn_add_pair(tracuu_db_t *db, const char *abbr, const char *expansion);

/* The form with marks of a synonym key as first recorded ("an ninh trat
 * tu" -> "an ninh trật tự", "antt" -> "ANTT"), malloc'd; NULL if none
 * (databases made before it was recorded). */
char *tu_syn_display(tracuu_db_t *db, const char *key);

#endif
