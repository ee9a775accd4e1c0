/* tracuu: dates in running text ("14/12/2023", "3-6-2013", "05.01.2023",
 * "05 tháng 3 năm 2021") and the issue date after a document number.
 * Dates must be real calendar dates with years 1945..2100; "tháng 12/2017",
 * "19/19", "32/63" are not dates.  The document's own date: owndate.c. */
#include <stdio.h>
#include <string.h>
#include "knowledge/tu_docdate.h"
#include "knowledge/tu_scan.h"

int tu_date_valid(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
                                 30, 31};
    if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1) return 0;
    if (d > days[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

static int isdig(const char *s, size_t n, size_t p)
{
    return p < n && s[p] >= '0' && s[p] <= '9';
}

/* Digits at *P (MIN..MAX of them, not followed by another digit). */
static int digits(const char *s, size_t n, size_t *p, int min, int max,
                  int *val)
{
    size_t q = *p;
    int v = 0, k = 0;
    while (isdig(s, n, q) && k <= max) { v = v * 10 + (s[q] - '0'); q++; k++; }
    if (k < min || k > max) return 0;
    *val = v;
    *p = q;
    return 1;
}

static size_t skip_blank(const char *s, size_t n, size_t p)
{
    while (p < n && (s[p] == ' ' || s[p] == '\t')) p++;
    return p;
}

/* The word at P if it folds to W; returns its end or 0. */
static size_t word(const char *s, size_t n, size_t p, const char *w)
{
    size_t e = tu_scan_word_end(s, n, p);
    if (e == p || !tu_scan_word_is(s + p, e - p, w)) return 0;
    return e;
}

static size_t put(int y, int m, int d, char iso[11], size_t end)
{
    if (!tu_date_valid(y, m, d)) return 0;
    /* ranges checked above: y 1945..2100, m 1..12, d 1..31 */
    snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return end;
}

size_t tu_date_at(const char *s, size_t n, size_t p, char iso[11])
{
    int d, m, y;
    size_t q = p;
    if (!digits(s, n, &q, 1, 4, &d)) return 0;
    if (q - p == 4) {                           /* ISO 2023-01-05 */
        y = d;
        if (q < n && s[q] == '-' && (q++, digits(s, n, &q, 2, 2, &m))
            && q < n && s[q] == '-' && (q++, digits(s, n, &q, 2, 2, &d)))
            return put(y, m, d, iso, q);
        return 0;
    }
    if (q - p > 2) return 0;
    if (q < n && (s[q] == '/' || s[q] == '-' || s[q] == '.')) {
        char sep = s[q++];
        if (!digits(s, n, &q, 1, 2, &m) || q >= n || s[q] != sep) return 0;
        q++;
        if (!digits(s, n, &q, 4, 4, &y)) return 0;
        return put(y, m, d, iso, q);
    }
    size_t e;
    q = skip_blank(s, n, q);
    if (!(e = word(s, n, q, "thang"))) return 0;
    q = skip_blank(s, n, e);
    if (!digits(s, n, &q, 1, 2, &m)) return 0;
    q = skip_blank(s, n, q);
    if (!(e = word(s, n, q, "nam"))) return 0;
    q = skip_blank(s, n, e);
    if (!digits(s, n, &q, 4, 4, &y)) return 0;
    return put(y, m, d, iso, q);
}

size_t tu_date_after(const char *s, size_t n, size_t p, char iso[11])
{
    size_t q = skip_blank(s, n, p), e;
    if (q < n && (s[q] == ',' || s[q] == '(')) q = skip_blank(s, n, q + 1);
    if (!(e = word(s, n, q, "ngay"))) return 0;
    q = skip_blank(s, n, e);
    return tu_date_at(s, n, q, iso);
}
