/* Document numbers as people type them in a query: see tu_numquery.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search/tu_numquery.h"
#include "knowledge/tu_doctables.h"
#include "tracuu/meta.h"
#include "tracuu/normalize.h"
#include "tracuu/schema.h"

#define MAX_WORDS 6        /* words one citation may span */
#define MAX_PARTS 6        /* parts of one word ("61/2018/nd-cp": 4) */
#define PART_MAX 24

/* Type codes whose names are typed in full ("nghị quyết 36"); the names
 * come from the type table (tracuu_type_name). */
static const char *const named_types[] = {
    "NQ", "QĐ", "CT", "KL", "NĐ", "TT", "KH", "BC", "HD", "ĐA", "TB",
    "CTr", "QĐi", "QyĐ", "CV", "TTr", "QC", "CĐ", "TTLT", "NQLT",
};
#define N_NAMED (sizeof named_types / sizeof named_types[0])

typedef struct {
    char s[PART_MAX];
    int digits;        /* 1: digits, 0: letters */
} part_t;

typedef struct {
    char fold[64];     /* folded, dashes as '-', outer punctuation cut */
    part_t part[MAX_PARTS];
    int n_parts;       /* -1: not a number-ish word */
    int marks;         /* typed with marks */
} word_t;

/* Fold W, turn every dash into '-', cut outer punctuation, split into
 * runs of digits and runs of letters at '-', '/', '.' and at digit/letter
 * boundaries ("36nq/tw" -> 36 nq tw). */
static void prepare(const tu_word_t *w, word_t *o)
{
    char raw[256];
    o->n_parts = -1;
    o->fold[0] = '\0';
    o->marks = tracuu_has_marks(w->s, w->n);
    int fl = tracuu_norm_fold(w->s, w->n, raw, sizeof raw);
    if (fl <= 0)
        return;
    size_t k = 0;
    for (int i = 0; i < fl && k + 1 < sizeof o->fold; i++) {
        unsigned char c = (unsigned char)raw[i];
        /* U+2010..U+2015 (hyphens, en and em dash), U+2212 (minus) */
        if (c == 0xE2 && i + 2 < fl &&
            (((unsigned char)raw[i + 1] == 0x80 && (unsigned char)raw[i + 2] >= 0x90 &&
              (unsigned char)raw[i + 2] <= 0x95) ||
             ((unsigned char)raw[i + 1] == 0x88 && (unsigned char)raw[i + 2] == 0x92))) {
            o->fold[k++] = '-';
            i += 2;
            continue;
        }
        if (c >= 0x80)
            return;                    /* not Latin after folding */
        o->fold[k++] = (char)c;
    }
    o->fold[k] = '\0';
    char *s = o->fold;
    while (*s == '(' || *s == '"' || *s == '\'')
        s++;
    size_t n = strlen(s);
    while (n && strchr(".,;:?!)\"'", s[n - 1]))
        n--;
    memmove(o->fold, s, n);
    o->fold[n] = '\0';
    int np = 0;
    for (size_t i = 0; i < n;) {
        char c = o->fold[i];
        if (c == '-' || c == '/' || c == '.') {
            if (i == 0 || i + 1 == n || o->fold[i + 1] == '-' || o->fold[i + 1] == '/')
                return;
            i++;
            continue;
        }
        int dig = c >= '0' && c <= '9';
        if (!dig && !(c >= 'a' && c <= 'z'))
            return;
        size_t j = i;
        while (j < n && (dig ? (o->fold[j] >= '0' && o->fold[j] <= '9')
                             : (o->fold[j] >= 'a' && o->fold[j] <= 'z')))
            j++;
        if (np == MAX_PARTS || j - i >= PART_MAX)
            return;
        memcpy(o->part[np].s, o->fold + i, j - i);
        o->part[np].s[j - i] = '\0';
        o->part[np].digits = dig;
        np++;
        i = j;
    }
    o->n_parts = np;
}

static void fold_ascii(const char *s, char *out, size_t cap)
{
    int l = tracuu_norm_fold(s, strlen(s), out, cap);
    if (l < 0)
        out[0] = '\0';
}

/* Add the type code CODE (any form) to C, folded. */
static void add_type(tu_cite_t *c, const char *code)
{
    if (c->n_types >= 3)
        return;
    fold_ascii(code, c->types[c->n_types], sizeof c->types[0]);
    for (int i = 0; i < c->n_types; i++)
        if (strcmp(c->types[i], c->types[c->n_types]) == 0)
            return;
    c->n_types++;
}

/* Is the letters part S a type code?  Adds it to C. */
static int type_code(const char *s, tu_cite_t *c)
{
    const char *t = tu_type_canon(s, strlen(s));
    if (!t || !*t)
        return 0;
    add_type(c, t);
    return 1;
}

/* A type name ("nghị quyết") typed over words W[I..]: the words it takes. */
static size_t type_name(const tu_word_t *w, const word_t *pw, size_t nw,
                        size_t i, tu_cite_t *c)
{
    size_t best = 0;
    for (size_t t = 0; t < N_NAMED; t++) {
        const char *name = tracuu_type_name(named_types[t]);
        if (!name)
            continue;
        /* compare word by word: folded, or exact when typed with marks */
        size_t k = 0;
        const char *p = name;
        int ok = 1;
        while (*p && ok) {
            const char *e = strchr(p, ' ');
            size_t ln = e ? (size_t)(e - p) : strlen(p);
            if (i + k >= nw) { ok = 0; break; }
            char a[64], b[64];
            if (pw[i + k].marks) {
                int la = tracuu_norm_exact(w[i + k].s, w[i + k].n, a, sizeof a);
                int lb = tracuu_norm_exact(p, ln, b, sizeof b);
                ok = la > 0 && la == lb && memcmp(a, b, (size_t)la) == 0;
            } else {
                int lb = tracuu_norm_fold(p, ln, b, sizeof b);
                ok = lb > 0 && strlen(pw[i + k].fold) == (size_t)lb &&
                     memcmp(pw[i + k].fold, b, (size_t)lb) == 0;
            }
            k++;
            p = e ? e + 1 : p + ln;
        }
        if (!ok || k < best)
            continue;
        if (k > best) {
            best = k;
            c->n_types = 0;
        }
        add_type(c, named_types[t]);
    }
    /* "quy định" is QĐi (party) and QyĐ (state): both were added */
    return best;
}

/* "số" typed with its marks (not "sở", "sơ") */
static int is_so(const tu_word_t *w)
{
    char a[16], b[16];
    int la = tracuu_norm_exact(w->s, w->n, a, sizeof a);
    int lb = tracuu_norm_exact("số", strlen("số"), b, sizeof b);
    return la > 0 && la == lb && memcmp(a, b, (size_t)la) == 0;
}

static int year_of(const char *s)
{
    if (strlen(s) != 4)
        return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return y >= 1945 && y <= 2100 ? y : 0;
}

static int set_number(tu_cite_t *c, const char *digits)
{
    while (*digits == '0' && digits[1])
        digits++;
    if (strlen(digits) > 6 || strcmp(digits, "0") == 0)
        return 0;
    snprintf(c->number, sizeof c->number, "%s", digits);
    return 1;
}

static void set_issuer(tu_cite_t *c, const char *s)
{
    snprintf(c->issuer, sizeof c->issuer, "%s", s);
}

/* A word that is only an issuer code in the table ("TW", "UBND"). */
static int issuer_word(const word_t *pw)
{
    return pw->n_parts == 1 && !pw->part[0].digits &&
           tu_issuer_canon(pw->part[0].s, strlen(pw->part[0].s)) != NULL;
}

/* Number-first: "36-NQ/TW", "36NQ/TW", "36/NQ-TW", "61/2018/ND-CP",
 * "36 NQ TW", "36 NQ/TW". */
static size_t number_first(const word_t *pw, size_t nw, size_t i,
                           tu_cite_t *c)
{
    const word_t *a = &pw[i];
    int k = 0;
    if (a->n_parts < 1 || !a->part[0].digits || !set_number(c, a->part[0].s))
        return 0;
    k = 1;
    if (k < a->n_parts && a->part[k].digits) {
        if (!(c->year = year_of(a->part[k].s)))
            return 0;
        k++;
    }
    size_t used = 1;
    const word_t *tw = a;
    if (k == a->n_parts) {              /* "36" then "NQ" or "NQ/TW" */
        if (i + 1 >= nw || c->year)
            return 0;
        tw = &pw[i + 1];
        k = 0;
        used = 2;
        if (tw->n_parts < 1 || tw->part[0].digits)
            return 0;
    }
    if (!type_code(tw->part[k].s, c))
        return 0;
    k++;
    if (k < tw->n_parts) {
        if (tw->part[k].digits || k + 1 != tw->n_parts)
            return 0;
        set_issuer(c, tw->part[k].s);
    } else if (i + used < nw && issuer_word(&pw[i + used])) {
        set_issuer(c, pw[i + used].part[0].s);
        used++;
    }
    /* a lone "36-NQ" or "36 NQ" is a citation too; a bare "5 ct" is not
     * worth the guess unless it came glued or with an issuer */
    return used;
}

/* Type-first: "NQ 36", "QĐ 217/UBND", "nghị quyết số 36", "chỉ thị 05",
 * "thông tư 07 2024", "thông tư 07/2024". */
static size_t type_first(const tu_word_t *w, const word_t *pw, size_t nw,
                         size_t i, tu_cite_t *c)
{
    size_t used = type_name(w, pw, nw, i, c);
    if (!used) {
        if (pw[i].n_parts != 1 || pw[i].part[0].digits || !type_code(pw[i].part[0].s, c))
            return 0;
        used = 1;
    }
    int so = 0;
    if (i + used < nw && strcmp(pw[i + used].fold, "so") == 0 &&
        (!pw[i + used].marks || is_so(&w[i + used]))) {
        so = 1;
        used++;
    }
    if (i + used >= nw)
        return 0;
    const word_t *nwd = &pw[i + used];
    if (nwd->n_parts < 1 || !nwd->part[0].digits)
        return 0;
    /* "kế hoạch 2024": a year, not a number */
    if (!so && year_of(nwd->part[0].s) && nwd->n_parts == 1)
        return 0;
    if (!set_number(c, nwd->part[0].s))
        return 0;
    int k = 1;
    if (k < nwd->n_parts && nwd->part[k].digits) {
        if (!(c->year = year_of(nwd->part[k].s)))
            return 0;
        k++;
    }
    if (k < nwd->n_parts) {             /* "217/UBND", "07/2024/BTC" */
        if (nwd->part[k].digits)
            return 0;
        /* "36/NQ-TW" after "nghị quyết": the code again, then the issuer */
        tu_cite_t t = *c;
        if (k + 1 < nwd->n_parts && type_code(nwd->part[k].s, &t))
            k++;
        if (k + 1 != nwd->n_parts || nwd->part[k].digits)
            return 0;
        set_issuer(c, nwd->part[k].s);
    }
    used++;
    if (!c->year && i + used < nw && pw[i + used].n_parts == 1 &&
        pw[i + used].part[0].digits && (c->year = year_of(pw[i + used].part[0].s)))
        used++;
    if (!c->issuer[0] && i + used < nw && issuer_word(&pw[i + used])) {
        set_issuer(c, pw[i + used].part[0].s);
        used++;
    }
    return used;
}

size_t tu_cite_parse(const tu_word_t *w, size_t nw, size_t i, tu_cite_t *c)
{
    word_t pw[MAX_WORDS];
    memset(c, 0, sizeof *c);
    if (i >= nw)
        return 0;
    size_t m = nw - i < MAX_WORDS ? nw - i : MAX_WORDS;
    for (size_t k = 0; k < m; k++)
        prepare(&w[i + k], &pw[k]);
    size_t used = number_first(pw, m, 0, c);
    if (!used) {
        memset(c, 0, sizeof *c);
        used = type_first(w + i, pw, m, 0, c);
    }
    if (!used)
        memset(c, 0, sizeof *c);
    return used;
}

/* ------------------------------------------------------- the archive */

typedef struct {
    const tu_cite_t *c;
    char **keys;
    size_t n;
    size_t pl;         /* prefix length to skip (XREF) */
} walk_t;

static int same_number(const char *a, size_t an, const char *want)
{
    while (an > 1 && *a == '0') {
        a++;
        an--;
    }
    return strlen(want) == an && memcmp(a, want, an) == 0;
}

static int ref_cb(const char *term, size_t len, uint32_t df, uint32_t cf,
                  void *ctx)
{
    (void)df;
    (void)cf;
    walk_t *wk = ctx;
    if (wk->n >= TU_CITE_MAX_REFS)
        return 1;
    const char *key = term + wk->pl;
    size_t kn = len - wk->pl;
    size_t d = 0;
    while (d < kn && key[d] >= '0' && key[d] <= '9')
        d++;
    if (!same_number(key, d, wk->c->number))
        return 0;
    tracuu_ref_t r;
    memset(&r, 0, sizeof r);
    if (tracuu_ref_parse(key, kn, &r) != TRACUU_OK)
        return 0;
    char t[16], iss[64];
    fold_ascii(r.type, t, sizeof t);
    fold_ascii(r.issuer, iss, sizeof iss);
    int ok = 0;
    for (int i = 0; i < wk->c->n_types; i++)
        if (strcmp(t, wk->c->types[i]) == 0)
            ok = 1;
    if (ok && wk->c->issuer[0]) {
        /* the first code of the issuer: "ubnd" matches "UBND-VX" too */
        size_t il = strlen(wk->c->issuer);
        ok = strncmp(iss, wk->c->issuer, il) == 0 && (iss[il] == '\0' || iss[il] == '-');
    }
    if (ok && wk->c->year)
        ok = r.year == wk->c->year;
    tracuu_ref_clear(&r);
    if (ok && (wk->keys[wk->n] = strndup(key, kn)))
        wk->n++;
    return 0;
}

size_t tu_cite_refs(tracuu_db_t *db, const tu_cite_t *c, char **keys)
{
    walk_t wk = {.c = c, .keys = keys, .n = 0, .pl = strlen(TU_PREFIX_REF)};
    if (!db || !c->number[0] || c->n_types == 0)
        return 0;
    for (int zeros = 0; zeros <= 3; zeros++) {
        char prefix[40];
        snprintf(prefix, sizeof prefix, "%s%.*s%s", TU_PREFIX_REF, zeros, "000",
                 c->number);
        if (tracuu_db_all_terms(db, prefix, ref_cb, &wk) != TRACUU_OK)
            break;
    }
    return wk.n;
}

tracuu_query_t *tu_cite_boost(char *const *keys, size_t n)
{
    if (n == 0)
        return NULL;
    tracuu_query_t *terms[TU_CITE_MAX_REFS];
    size_t nt = 0;
    for (size_t i = 0; i < n && nt < TU_CITE_MAX_REFS; i++) {
        char t[300];
        int l = snprintf(t, sizeof t, "%s%s", TU_PREFIX_REF, keys[i]);
        if (l > 0 && (size_t)l < sizeof t)
            terms[nt++] = tracuu_query_term(t, (size_t)l, 1);
    }
    tracuu_query_t *any = tracuu_query_combine(TRACUU_OP_OR, terms, nt, 0);
    tracuu_query_t *pair[2] = {tracuu_query_const(TU_TIER_REF), any};
    return tracuu_query_combine(TRACUU_OP_FILTER, pair, 2, 0);
}
