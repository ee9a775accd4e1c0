/* tracuu internal: dates in running text (docdate.c). */
#ifndef TU_DOCDATE_H
#define TU_DOCDATE_H

#include <stddef.h>

/* 1 if Y-M-D is a real calendar date with 1945 <= Y <= 2100. */
int tu_date_valid(int y, int m, int d);
/* A date at P: "14/12/2023", "3-6-2013", "05.01.2023" (one separator kind)
 * or "05 tháng 3 năm 2021" (any case).  On success writes ISO into ISO
 * (11 bytes) and returns the end offset; else returns 0. */
size_t tu_date_at(const char *s, size_t n, size_t p, char iso[11]);
/* An issue date right after a document number ending at P:
 * optional ",", "ngày", a date.  Returns its end (ISO in ISO) or 0. */
size_t tu_date_after(const char *s, size_t n, size_t p, char iso[11]);

#endif
