/* tracuu: the document's own date.
 *
 * The document's own date is looked for in its header area: the first 12
 * non-empty lines.  In that order, the first of these wins:
 *  - "ngày 05 tháng 01 năm 2023" (also "Lâm Hà, ngày ...", any case, the
 *    word "ngày" optional) anywhere in such a line;
 *  - a numeric date "10/01/2023", "05-01-2023", "05.01.2023" (also ISO
 *    "2023-01-05") in a short line (at most 100 bytes: "21/12/2023 09:10 SA",
 *    "Thứ Năm, 18/7/2024") or right after the word "ngày" in a longer one.
 * A date that belongs to a document number ("Nghị quyết số 13-NQ/HU, ngày
 * 14/12/2023" in a title) is the cited document's date and never counts. */
#include <string.h>
#include "knowledge/tu_docdate.h"
#include "knowledge/tu_docnum.h"
#include "knowledge/tu_owndate.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

#define HEADER_LINES 12
#define SHORT_LINE 100
#define MAX_SPANS 32

/* 1 if the word just before P (skipping blanks) is "ngày". */
static int after_ngay(const char *s, size_t ls, size_t p)
{
    size_t q = p, l;
    while (q > ls && (s[q - 1] == ' ' || s[q - 1] == '\t')) q--;
    size_t e = q;
    while (q > ls && tu_ch_isletter(tu_ch_prev(s, q, &l))) q -= l;
    return e > q && tu_scan_word_is(s + q, e - q, "ngay");
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
        if (s[p] < '0' || s[p] > '9') continue;
        if (p > ls) {
            size_t l;
            uint32_t c = tu_ch_prev(s, p, &l);
            if (tu_ch_isletter(c) || (c >= '0' && c <= '9')
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
