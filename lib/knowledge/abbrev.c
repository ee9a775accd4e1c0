/* tracuu: abbreviations: the curated list (data/abbreviations.tsv, compiled
 * in as abbrev_table.c) and pairs a document defines itself.
 *
 * Learned pairs: "dân tộc thiểu số (DTTS)", "cán bộ, đảng viên (CBĐV)",
 * "kinh tế - xã hội (KT-XH)", and "công tác dân vận (gọi tắt là CTDV)" /
 * "(sau đây gọi tắt là …)", "(viết tắt là …)", "(gọi tắt: …)".  The
 * abbreviation is 2 to 12 upper-case letters, hyphens allowed.  The
 * expansion is exactly the K syllables before the "(", K being the number of
 * letters of the abbreviation, walking back over blanks, commas and dashes
 * only; it is kept as written (commas and dashes included), in lower case,
 * and the pair is kept only if tracuu_abbr_plausible.  One initial per
 * syllable ("W" may stand for "Ư": TW trung ương): "CTr" or "TTg" style
 * abbreviations (two letters for one syllable) are not learned. */
#include <stdlib.h>
#include <string.h>
#include "knowledge/tu_abbrev.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

#define MAX_ABBR_LETTERS 12
#define MAX_EXPANSION 400

static int is_sep(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == ',' || c == '-'
           || c == 0x2013;
}

/* Folded first letter of the syllable at S (a letter): 'a'..'z' or 0;
 * 'w' for the Ư family (abbreviations write Ư as W: "TW" trung ương). */
static char initial(const char *s, size_t n)
{
    char buf[16];
    size_t l;
    uint32_t c = tu_ch_dec(s, n, 0, &l);
    if (c == 0x1AF || c == 0x1B0 || (c >= 0x1EE8 && c <= 0x1EF1)) return 'w';
    if (tu_scan_fold(s, l, buf, sizeof buf) < 1) return 0;
    return buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] : 0;
}

int tracuu_abbr_plausible(const char *abbr, const char *expansion)
{
    char want[MAX_ABBR_LETTERS];
    size_t k = 0, p, l, n;
    if (!abbr || !expansion) return 0;
    n = strlen(abbr);
    for (p = 0; p < n; p += l) {
        uint32_t c = tu_ch_dec(abbr, n, p, &l);
        if (c == '-') continue;
        if (!tu_ch_isletter(c) || k >= MAX_ABBR_LETTERS) return 0;
        if (!(want[k++] = initial(abbr + p, n - p))) return 0;
    }
    if (k < 2) return 0;
    n = strlen(expansion);
    size_t got = 0;
    for (p = 0; p < n; ) {
        uint32_t c = tu_ch_dec(expansion, n, p, &l);
        if (is_sep(c)) { p += l; continue; }
        if (!tu_ch_isletter(c)) return 0;
        char e = initial(expansion + p, n - p);
        if (got >= k || !(e == want[got] || (e == 'w' && want[got] == 'u')))
            return 0;
        got++;
        while (p < n && tu_ch_isletter(tu_ch_dec(expansion, n, p, &l))) p += l;
    }
    return got == k;
}

void tracuu_abbr_each(tracuu_abbr_cb cb, void *ctx)
{
    for (size_t i = 0; i < tu_abbr_table_n; i++)
        if (cb(tu_abbr_table[i].abbr, tu_abbr_table[i].expansion, ctx))
            return;
}

static const char *const prefixes[] = {
    "sau đây gọi tắt là ", "sau đây viết tắt là ", "sau đây gọi là ",
    "gọi tắt là ", "viết tắt là ", "gọi tắt: ", "viết tắt: ", NULL
};

/* Lower case of S[0..N) into a new string (NULL: no memory). */
static char *lowered(const char *s, size_t n)
{
    char *out = malloc(3 * n + 1);   /* an invalid byte becomes U+FFFD */
    size_t o = 0, p, l;
    if (!out) return NULL;
    for (p = 0; p < n; p += l) {
        uint32_t c = tu_ch_tolower(tu_ch_dec(s, n, p, &l));
        char b[4];
        size_t bl = tu_ch_enc(c, b);
        memcpy(out + o, b, bl);
        o += bl;
    }
    out[o] = '\0';
    return out;
}

static tracuu_status_t add_pair(tracuu_meta_t *m, const char *a, size_t an,
                                const char *e, size_t en)
{
    char *ab = tu_scan_strndup(a, an), *ex = lowered(e, en);
    if (!ab || !ex) goto nomem;
    for (size_t i = 0; i < m->n_pairs; i++)
        if (strcmp(m->pairs[i].abbr, ab) == 0
            && strcmp(m->pairs[i].expansion, ex) == 0) {
            free(ab);
            free(ex);
            return TRACUU_OK;
        }
    if (m->n_pairs >= TU_META_MAX_PAIRS || !tracuu_abbr_plausible(ab, ex)) {
        free(ab);
        free(ex);
        return TRACUU_OK;
    }
    tracuu_abbr_pair_t *np = realloc(m->pairs, (m->n_pairs + 1) * sizeof *np);
    if (!np) goto nomem;
    m->pairs = np;
    m->pairs[m->n_pairs].abbr = ab;
    m->pairs[m->n_pairs].expansion = ex;
    m->n_pairs++;
    return TRACUU_OK;
nomem:
    free(ab);
    free(ex);
    return TRACUU_ERR_NOMEM;
}

/* The parenthesis at P: a pair?  Returns TRACUU_OK whether or not. */
static tracuu_status_t at_paren(const char *s, size_t n, size_t p,
                                tracuu_meta_t *m)
{
    size_t q = p + 1, close, l;
    const char *nl = memchr(s + q, ')', n - q < 80 ? n - q : 80);
    if (!nl) return TRACUU_OK;
    close = (size_t)(nl - s);
    if (memchr(s + q, '\n', close - q)) return TRACUU_OK;
    while (q < close && (s[q] == ' ' || s[q] == '\t')) q++;
    for (size_t i = 0; prefixes[i]; i++) {
        size_t pl = strlen(prefixes[i]);
        if (close - q < pl) continue;
        char *lw = lowered(s + q, pl);
        if (!lw) return TRACUU_ERR_NOMEM;
        int hit = strcmp(lw, prefixes[i]) == 0;
        free(lw);
        if (hit) { q += pl; break; }
    }
    while (q < close && (s[q] == ' ' || s[q] == '\t')) q++;
    size_t ae = close;
    while (ae > q && (s[ae - 1] == ' ' || s[ae - 1] == '\t')) ae--;
    /* The abbreviation: upper-case letters and inner hyphens. */
    size_t letters = 0;
    if (ae == q || s[q] == '-' || s[ae - 1] == '-') return TRACUU_OK;
    for (size_t r = q; r < ae; r += l) {
        uint32_t c = tu_ch_dec(s, ae, r, &l);
        if (c == '-') continue;
        if (!tu_ch_isupper(c)) return TRACUU_OK;
        letters++;
    }
    if (letters < 2 || letters > MAX_ABBR_LETTERS) return TRACUU_OK;
    /* The LETTERS syllables before the parenthesis. */
    size_t r = p, end = 0, start = 0, got = 0;
    while (got < letters) {
        while (r > 0 && is_sep(tu_ch_prev(s, r, &l))) r -= l;
        if (r == 0 || !tu_ch_isletter(tu_ch_prev(s, r, &l))) return TRACUU_OK;
        if (!got) end = r;
        while (r > 0 && tu_ch_isletter(tu_ch_prev(s, r, &l))) r -= l;
        start = r;
        got++;
        if (end - start > MAX_EXPANSION) return TRACUU_OK;
    }
    if (r > 0) {                    /* the first syllable starts a word */
        uint32_t c = tu_ch_prev(s, r, &l);
        if (c >= '0' && c <= '9') return TRACUU_OK;
    }
    return add_pair(m, s + q, ae - q, s + start, end - start);
}

tracuu_status_t tu_abbr_extract(const char *s, size_t n, tracuu_meta_t *m)
{
    for (size_t p = 0; p < n; p++) {
        if (s[p] != '(') continue;
        tracuu_status_t rc = at_paren(s, n, p, m);
        if (rc) return rc;
    }
    return TRACUU_OK;
}
