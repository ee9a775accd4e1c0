/* tracuu: dates in running text, and the document's own date.
 *
 * The document's own date is looked for in its header area: the first 12
 * non-empty lines.  In that order, the first of these wins:
 *  - "ngày 05 tháng 01 năm 2023" (also "Lâm Hà, ngày ...", any case, the
 *    word "ngày" optional) anywhere in such a line;
 *  - a numeric date "10/01/2023", "05-01-2023", "05.01.2023" (also ISO
 *    "2023-01-05") in a short line (at most 100 bytes: "21/12/2023 09:10 SA",
 *    "Thứ Năm, 18/7/2024") or right after the word "ngày" in a longer one.
 * A date that belongs to a document number ("Nghị quyết số 13-NQ/HU, ngày
 * 14/12/2023" in a title) is the cited document's date and never counts.
 * Dates must be real calendar dates with years 1945..2100; "tháng 12/2017",
 * "19/19", "32/63" are not dates. */
#include <stdio.h>
#include <string.h>
#include "knowledge/tu_meta.h"

#define HEADER_LINES 12
#define SHORT_LINE 100
#define MAX_SPANS 32

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
    size_t e = tu_m_word_end(s, n, p);
    if (e == p || !tu_m_word_is(s + p, e - p, w)) return 0;
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

/* 1 if the word just before P (skipping blanks) is "ngày". */
static int after_ngay(const char *s, size_t ls, size_t p)
{
    size_t q = p, l;
    while (q > ls && (s[q - 1] == ' ' || s[q - 1] == '\t')) q--;
    size_t e = q;
    while (q > ls && tu_m_isletter(tu_m_prev(s, q, &l))) q -= l;
    return e > q && tu_m_word_is(s + q, e - q, "ngay");
}

/* Looks for the date in the line S[LS..LE); 1 if found. */
static int line_date(const char *s, size_t ls, size_t le, char iso[11])
{
    size_t sp[MAX_SPANS][2], nsp = 0, pos = ls, a, b;
    tracuu_ref_t r;
    int rc;
    memset(&r, 0, sizeof r);
    while (nsp < MAX_SPANS
           && (rc = tu_ref_next(s, le, &pos, &r, &a, &b)) == 1) {
        sp[nsp][0] = a;
        sp[nsp][1] = b;
        nsp++;
        tracuu_ref_clear(&r);
    }
    /* rc == -1 (no memory): the spans found so far still protect. */
    size_t t0 = ls, t1 = le;
    while (t0 < t1 && (s[t0] == ' ' || s[t0] == '\t')) t0++;
    while (t1 > t0 && (s[t1 - 1] == ' ' || s[t1 - 1] == '\t'
                       || s[t1 - 1] == '\r')) t1--;
    int is_short = t1 - t0 <= SHORT_LINE;
    for (size_t p = ls; p < le; p++) {
        if (!isdig(s, le, p)) continue;
        if (p > ls) {
            size_t l;
            uint32_t c = tu_m_prev(s, p, &l);
            if (tu_m_isletter(c) || (c >= '0' && c <= '9')
                || c == '/' || c == '-' || c == '.')
                continue;
        }
        char d[11];
        size_t e = tu_date_at(s, le, p, d);
        if (!e) continue;
        int claimed = 0;
        for (size_t i = 0; i < nsp; i++)
            if (p >= sp[i][0] && p < sp[i][1]) claimed = 1;
        int words = 0;
        for (size_t q = p; q < e; q++)
            if (s[q] == ' ') words = 1;
        if (!claimed && (words || is_short || after_ngay(s, ls, p))) {
            memcpy(iso, d, 11);
            return 1;
        }
        p = e - 1;
    }
    return 0;
}

void tu_docdate_find(const char *s, size_t n, char iso[11])
{
    size_t p = 0;
    int lines = 0;
    iso[0] = '\0';
    while (p < n && lines < HEADER_LINES) {
        const char *nl = memchr(s + p, '\n', n - p);
        size_t le = nl ? (size_t)(nl - s) : n;
        int blank = 1;
        for (size_t q = p; q < le; q++)
            if (s[q] != ' ' && s[q] != '\t' && s[q] != '\r') blank = 0;
        if (!blank) {
            lines++;
            if (line_date(s, p, le, iso)) return;
        }
        p = le + 1;
    }
}
