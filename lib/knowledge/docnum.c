/* tracuu: document numbers ("số, ký hiệu"), docs/design.md section 3.
 *
 *   party style  NUMBER-TYPE/ISSUER[-PART...]      25-NQ/TW, 01-CTrPH/BDVHU
 *   state style  NUMBER/[YEAR/]TYPE-ISSUER[-PART]  16/CT-TTg, 61/2018/NĐ-CP
 *   laws         NUMBER/YEAR/QHnn, NUMBER/YEAR/UBTVQHnn (type "")
 *
 * The type must be in the table (doctables.c), so "19/19", "2021-2022",
 * "03-6-2013", "KT-XH" and "2.343" are never document numbers.  The number
 * must start a token: not right after a letter or digit, nor after "/", "-",
 * "." or "," that follow one ("1.623", "12/25-..." are skipped).  It must
 * end a token too (no letter or digit right after the issuer).
 *
 * Sloppy text: around each "-" and "/" separator (the number's own, not
 * inside the issuer) up to 3 blanks are allowed, and one line break in the
 * whole number: "25- NQ/TW", "25 -NQ/TW", "25-NQ/\nTW" parse; an en dash
 * works as "-".  Codes are matched in any case, with or without marks, and
 * shown in the table's spelling ("NGHỊ QUYẾT SỐ 13-NQ/HU" -> "13-NQ/HU",
 * "61/2018/ND-CP" -> "61/2018/NĐ-CP").
 *
 * An issue date right after the number (", ngày 03-6-2013", " ngày 05 tháng
 * 3 năm 2021") goes into date; the year is the explicit one of the state
 * style, else the issue date's, else 0.  A type word before the number
 * ("Nghị quyết số") is not needed and never overrides the code. */
#include <stdlib.h>
#include <string.h>
#include "knowledge/tu_docdate.h"
#include "knowledge/tu_docnum.h"
#include "knowledge/tu_doctables.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

#define MAX_NUM_DIGITS 6
#define MAX_CODE 40         /* bytes of one code */
#define MAX_REF 160         /* bytes of a display form */

typedef struct {
    const char *s;
    size_t n;
    int nl;                 /* line breaks used so far (at most 1) */
} scan_t;

static int is_blank_at(const char *s, size_t n, size_t p, size_t *len)
{
    uint32_t c = tu_ch_dec(s, n, p, len);
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0;
}

/* Skip at most 3 blanks and (once per number) a line break. */
static size_t gap(scan_t *sc, size_t q)
{
    int k = 0;
    size_t l;
    while (q < sc->n) {
        if (sc->s[q] == '\n' && sc->nl == 0) { sc->nl = 1; q++; continue; }
        if (!is_blank_at(sc->s, sc->n, q, &l) || ++k > 3) break;
        q += l;
    }
    return q;
}

/* Separator WANT ('-' or '/') at Q, blanks allowed around; 1 and *AFTER. */
static int sep(scan_t *sc, size_t q, char want, size_t *after)
{
    scan_t save = *sc;
    size_t l;
    q = gap(sc, q);
    if (q < sc->n && sc->s[q] == want) q++;
    else if (want == '-' && tu_ch_dec(sc->s, sc->n, q, &l) == 0x2013) q += l;
    else { *sc = save; return 0; }
    *after = gap(sc, q);
    return 1;
}

static size_t letters(const char *s, size_t n, size_t q)
{
    size_t l;
    while (q < n && tu_ch_isletter(tu_ch_dec(s, n, q, &l))) q += l;
    return q;
}

static size_t digits(const char *s, size_t n, size_t q)
{
    while (q < n && s[q] >= '0' && s[q] <= '9') q++;
    return q;
}

/* Append S[0..N) to BUF (cap MAX_REF); 0 if it does not fit. */
static int app(char *buf, size_t *o, const char *s, size_t n)
{
    if (*o + n >= MAX_REF) return 0;
    memcpy(buf + *o, s, n);
    *o += n;
    buf[*o] = '\0';
    return 1;
}

/* One issuer code at Q: letters, then up to 3 digits.  Appends its display
 * form to BUF; returns its end or 0. */
static size_t code(const char *s, size_t n, size_t q, int text_mode,
                   char *buf, size_t *o)
{
    size_t e = letters(s, n, q), l, d;
    if (e == q || e - q > MAX_CODE) return 0;
    d = digits(s, n, e);
    if (d - e > 3) return 0;
    const char *canon = tu_issuer_canon(s + q, e - q);
    if (canon) {
        if (!app(buf, o, canon, strlen(canon))) return 0;
    } else {
        int k = 0;
        for (size_t p = q; p < e; p += l) {
            uint32_t c = tu_ch_dec(s, n, p, &l);
            if (text_mode && !tu_ch_isupper(c)) return 0;
            char b[4];
            if (!app(buf, o, b, tu_ch_enc(tu_ch_toupper(c), b))) return 0;
            k++;
        }
        if (k < (text_mode ? 2 : 1) || k > 10) return 0;
    }
    if (!app(buf, o, s + e, d - e)) return 0;
    return d;
}

/* Issuer at Q with its "-PART"s; returns the end or 0. */
static size_t issuer(const char *s, size_t n, size_t q, int text_mode,
                     char *buf, size_t *o)
{
    size_t e = code(s, n, q, text_mode, buf, o);
    if (!e) return 0;
    while (e + 1 < n && s[e] == '-') {
        size_t o2 = *o, e2;
        if (!app(buf, &o2, "-", 1)) break;
        if (!(e2 = code(s, n, e + 1, text_mode, buf, &o2))) {
            buf[*o] = '\0';
            break;
        }
        *o = o2;
        e = e2;
    }
    return e;
}

static int ends_token(const char *s, size_t n, size_t e)
{
    size_t l;
    if (e >= n) return 1;
    uint32_t c = tu_ch_dec(s, n, e, &l);
    return !tu_ch_isletter(c) && !(c >= '0' && c <= '9');
}

static int fill(tracuu_ref_t *out, const char *disp, const char *num,
                size_t num_n, const char *type, const char *iss, int year)
{
    char key[4 * MAX_REF + 8];
    memset(out, 0, sizeof *out);
    if (tu_scan_fold(disp, strlen(disp), key, sizeof key) < 0) return 0;
    out->ref = tu_scan_strndup(disp, strlen(disp));
    out->key = tu_scan_strndup(key, strlen(key));
    out->number = tu_scan_strndup(num, num_n);
    out->type = tu_scan_strndup(type, strlen(type));
    out->issuer = tu_scan_strndup(iss, strlen(iss));
    out->year = year;
    if (!out->ref || !out->key || !out->number || !out->type
        || !out->issuer) {
        tracuu_ref_clear(out);
        return -1;
    }
    return 1;
}

int tu_ref_at(const char *s, size_t n, size_t p, int text_mode,
              tracuu_ref_t *out, size_t *num_end, size_t *end)
{
    scan_t sc = {s, n, 0};
    char disp[MAX_REF], iss[MAX_REF];
    size_t o, io, a, t1, e, q = digits(s, n, p);
    if (q == p || q - p > MAX_NUM_DIGITS) return 0;
    if (!ends_token(s, n, q) && s[q] != '-' && s[q] != '/') {
        size_t l;
        if (tu_ch_isletter(tu_ch_dec(s, n, q, &l))) return 0;
    }
    const char *type = NULL;
    int year = 0, party = 0;

    if (sep(&sc, q, '-', &a)) {                         /* party style */
        t1 = letters(s, n, a);
        type = tu_type_canon(s + a, t1 - a);
        if (type && sep(&sc, t1, '/', &a)) party = 1;
        else type = NULL;
    }
    if (!party) {
        sc.nl = 0;
        if (!sep(&sc, q, '/', &a)) return 0;            /* state style */
        size_t y1 = digits(s, n, a), a2;
        if (y1 - a == 4 && sep(&sc, y1, '/', &a2)) {
            year = 0;
            for (size_t i = a; i < y1; i++) year = year * 10 + (s[i] - '0');
            if (year < 1945 || year > 2100) return 0;
            a = a2;
        }
        t1 = letters(s, n, a);
        type = tu_type_canon(s + a, t1 - a);
        if (type) {
            if (!sep(&sc, t1, '-', &a)) return 0;
        } else {
            /* A law or ordinance: NUMBER/YEAR/QH13, NUMBER/YEAR/UBTVQH14. */
            if (!year || digits(s, n, t1) == t1) return 0;
            const char *c = tu_issuer_canon(s + a, t1 - a);
            if (!c || (strcmp(c, "QH") != 0 && strcmp(c, "UBTVQH") != 0))
                return 0;
            type = "";
        }
    }
    io = 0;
    iss[0] = '\0';
    if (!(e = issuer(s, n, a, text_mode, iss, &io)) || !ends_token(s, n, e))
        return 0;

    o = 0;
    disp[0] = '\0';
    if (!app(disp, &o, s + p, q - p)) return 0;
    if (party) {
        if (!app(disp, &o, "-", 1) || !app(disp, &o, type, strlen(type))
            || !app(disp, &o, "/", 1))
            return 0;
    } else {
        if (!app(disp, &o, "/", 1)) return 0;
        if (year) {
            char y[8];
            y[0] = (char)('0' + year / 1000);
            y[1] = (char)('0' + year / 100 % 10);
            y[2] = (char)('0' + year / 10 % 10);
            y[3] = (char)('0' + year % 10);
            y[4] = '/';
            if (!app(disp, &o, y, 5)) return 0;
        }
        if (*type && (!app(disp, &o, type, strlen(type))
                      || !app(disp, &o, "-", 1)))
            return 0;
    }
    if (!app(disp, &o, iss, io)) return 0;

    int rc = fill(out, disp, s + p, q - p, type, iss, year);
    if (rc <= 0) return rc;
    *num_end = e;
    *end = e;
    char iso[11];
    size_t de = tu_date_after(s, n, e, iso);
    if (de) {
        memcpy(out->date, iso, 11);
        if (!out->year) out->year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100
                                    + (iso[2] - '0') * 10 + (iso[3] - '0');
        *end = de;
    }
    return 1;
}

int tu_ref_next(const char *s, size_t n, size_t *pos, tracuu_ref_t *out,
                size_t *start, size_t *end)
{
    size_t p = *pos;
    while (p < n) {
        if (!(s[p] >= '0' && s[p] <= '9')) { p++; continue; }
        int ok = 1;
        if (p > 0) {
            size_t l, l2;
            uint32_t c = tu_ch_prev(s, p, &l);
            if (tu_ch_isletter(c) || (c >= '0' && c <= '9')) ok = 0;
            else if ((c == '/' || c == '-' || c == '.' || c == ',')
                     && p > l) {
                uint32_t c2 = tu_ch_prev(s, p - l, &l2);
                if (tu_ch_isletter(c2) || (c2 >= '0' && c2 <= '9')) ok = 0;
            }
        }
        if (ok) {
            size_t ne, e;
            int rc = tu_ref_at(s, n, p, 1, out, &ne, &e);
            if (rc < 0) return -1;
            if (rc == 1) {
                *start = p;
                *end = e;
                *pos = e;
                return 1;
            }
        }
        p = digits(s, n, p);
    }
    *pos = n;
    return 0;
}

tracuu_status_t tracuu_ref_parse(const char *s, size_t n, tracuu_ref_t *out)
{
    size_t a = 0, b = n, ne, e;
    if (!s || !out) return TRACUU_ERR_INVALID_ARG;
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'
                     || s[b - 1] == '\n' || s[b - 1] == '\r')) b--;
    if (a == b || b - a > 200) return TRACUU_ERR_QUERY;
    int rc = tu_ref_at(s, b, a, 0, out, &ne, &e);
    if (rc < 0) return TRACUU_ERR_NOMEM;
    if (rc == 0) return TRACUU_ERR_QUERY;
    if (ne != b) {
        tracuu_ref_clear(out);
        return TRACUU_ERR_QUERY;
    }
    out->date[0] = '\0';
    return TRACUU_OK;
}

void tracuu_ref_clear(tracuu_ref_t *r)
{
    if (!r) return;
    free(r->ref);
    free(r->key);
    free(r->number);
    free(r->type);
    free(r->issuer);
    memset(r, 0, sizeof *r);
}
