/* tracuu: "mô hình" names (docs/design.md section 3).
 *
 * "mô hình" is found in any case, with or without marks ("Mô hình",
 * "MÔ HÌNH", "mo hinh").  After it:
 *  - a quoted name in “…”, "…", «…», ‘…’ (any closing quote of the four
 *    kinds closes: "Dân vận khéo” occurs).  Up to 7 words and the marks
 *    "," ":" "-" may come between "mô hình" and the quote ("mô hình, điển
 *    hình “…”", "mô hình và nhân rộng điển hình “…”", "Mô hình của Hội Liên
 *    hiệp Phụ nữ huyện: “…”"), but no other punctuation, no line break, no
 *    second "mô hình", and none of the words that name something else
 *    (phong trào, cuộc vận động, chương trình, phương châm, khẩu hiệu, quỹ,
 *    chủ đề) — so "mô hình hay ... trong phong trào “Dân vận khéo”" gives
 *    nothing.  A quoted name of more than 40 words, or holding a sentence
 *    break (". X"), is a quoted sentence and is dropped: real model names
 *    in the seeds reach 35 words ("Dân vận khéo tuyên truyền, triển khai
 *    ... thủ tục hành chính"), hence 40 rather than ~12: after "mô hình" a
 *    quote is nearly always a name.
 *  - a quote that does not close on its line (before another opening quote
 *    and within 50 words) is read like an unquoted name, but with up to 20
 *    words ("Mô hình “Dân vận khéo xây dựng tuyến đường sáng – xanh – sạch –
 *    đẹp tại thôn ..." gives the name up to "tại"):
 *  - an unquoted name right after "mô hình", starting with a capital
 *    ("mô hình Dân vận khéo xây dựng ... Hợp tác xã của Hội Nông dân"):
 *    words up to punctuation (other than a dash between words), a line
 *    break, a quote, or a stop word (của tại trên ở được với năm do đã đang
 *    sẽ nhằm theo thuộc là như thì nhưng mà khi); when the first two words
 *    are both capitalised (a Title Case name) also up to the first word in
 *    lower case.  More than 12 words without such a bound: skipped.
 * Names are trimmed of blanks and quotes, inner blanks collapsed, trailing
 * punctuation and dashes stripped; they are de-duplicated by
 * tracuu_model_key and the first display form is kept.
 *
 * "Dân vận khéo": the seeds name it both as a phong trào and, most often,
 * as a kind of model ("972 mô hình “Dân vận khéo” được công nhận"); a user
 * listing models wants it, so it is listed when it follows "mô hình" as
 * above, and not when only "phong trào “Dân vận khéo”" is written. */
#include <stdlib.h>
#include <string.h>
#include "tracuu/normalize.h"
#include "knowledge/tu_models.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

#define MAX_GAP_WORDS 7
#define MAX_QUOTED_WORDS 40
#define MAX_SCAN_WORDS 50
#define MAX_UNQUOTED_WORDS 12
#define MAX_UNCLOSED_WORDS 20
#define MAX_NAME 1024

static int is_opener(uint32_t c)
{
    return c == 0x201C || c == '"' || c == 0xAB || c == 0x2018;
}

static int is_closer(uint32_t c)
{
    return c == 0x201D || c == '"' || c == 0xBB || c == 0x2019;
}

static int is_blank(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == '\r';
}

static int is_dash(uint32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014;
}

static int is_alnum(uint32_t c)
{
    return tu_ch_isletter(c) || (c >= '0' && c <= '9');
}

/* 1 if the word S[0..N) is in LIST (exact lower-case forms; a word
 * written without marks is compared without marks). */
static int in_list(const char *s, size_t n, const char *const *list)
{
    char ex[64], fo[64], lf[64];
    if (n > 40) return 0;
    if (tracuu_norm_exact(s, n, ex, sizeof ex - 1) < 0) return 0;
    int plain = tu_scan_fold(s, n, fo, sizeof fo) >= 0 && strcmp(fo, ex) == 0;
    for (size_t i = 0; list[i]; i++) {
        if (strcmp(ex, list[i]) == 0) return 1;
        if (plain && tu_scan_fold(list[i], strlen(list[i]), lf, sizeof lf) >= 0
            && strcmp(lf, fo) == 0)
            return 1;
    }
    return 0;
}

static const char *const stop_words[] = {
    "của", "tại", "trên", "ở", "được", "với", "năm", "do", "đã", "đang",
    "sẽ", "nhằm", "theo", "thuộc", "là", "như", "thì", "nhưng", "mà",
    "khi", NULL
};

static const char *const gap_stop[] = {
    "phong", "cuộc", "chương", "phương", "khẩu", "quỹ", "chủ", NULL
};

typedef struct {
    tracuu_meta_t *m;
    char **keys;            /* keys of m->models[base..] */
    size_t nkeys, base;
    tracuu_status_t rc;
} ctx_t;

/* Normalised display form of S[0..N) into OUT (MAX_NAME); its word count
 * in *WORDS; length, or 0 if empty / too long. */
static size_t tidy(const char *s, size_t n, char *out, int *words)
{
    size_t o = 0, p = 0, l;
    int pend = 0;
    *words = 0;
    while (p < n) {
        uint32_t c = tu_ch_dec(s, n, p, &l);
        if (is_blank(c) || c == '\n') { pend = o > 0; p += l; continue; }
        if (pend) {
            if (o + 1 >= MAX_NAME) return 0;
            out[o++] = ' ';
            pend = 0;
        }
        if (o + l >= MAX_NAME) return 0;
        if (is_alnum(c) && (o == 0 || out[o - 1] == ' ')) (*words)++;
        memcpy(out + o, s + p, l);
        o += l;
        p += l;
    }
    /* Strip quotes and punctuation at both ends. */
    for (;;) {
        if (o == 0) return 0;
        size_t pl;
        uint32_t c = tu_ch_prev(out, o, &pl);
        if (is_alnum(c) || c == ')') break;
        o -= pl;
        while (o > 0 && out[o - 1] == ' ') o--;
    }
    size_t a = 0;
    while (a < o) {
        uint32_t c = tu_ch_dec(out, o, a, &l);
        if (is_alnum(c) || c == '(') break;
        a += l;
        while (a < o && out[a] == ' ') a++;
    }
    memmove(out, out + a, o - a);
    o -= a;
    out[o] = '\0';
    return o;
}

static void add(ctx_t *cx, const char *s, size_t n, int max_words)
{
    char name[MAX_NAME];
    int words;
    size_t len = tidy(s, n, name, &words);
    if (!len || words == 0 || words > max_words || cx->rc) return;
    char *key = tracuu_model_key(name, len);
    if (!key) { cx->rc = TRACUU_ERR_NOMEM; return; }
    for (size_t i = 0; i < cx->nkeys; i++)
        if (strcmp(cx->keys[i], key) == 0) { free(key); return; }
    tracuu_meta_t *m = cx->m;
    if (m->n_models >= TU_META_MAX_MODELS) { free(key); return; }
    char **nm = realloc(m->models, (m->n_models + 1) * sizeof *nm);
    if (nm) m->models = nm;
    char **nk = realloc(cx->keys, (cx->nkeys + 1) * sizeof *nk);
    if (nk) cx->keys = nk;
    char *dup = tu_scan_strndup(name, len);
    if (!nm || !nk || !dup) {
        free(key);
        free(dup);
        cx->rc = TRACUU_ERR_NOMEM;
        return;
    }
    m->models[m->n_models++] = dup;
    cx->keys[cx->nkeys++] = key;
}

/* An unquoted name starting at Q (or the text of an unclosed quote). */
static void bounded(ctx_t *cx, const char *s, size_t n, size_t q, int max)
{
    size_t r = q, last = q, l;
    int words = 0, title = 0, first_up = 0;
    for (;;) {
        while (r < n && is_blank(tu_ch_dec(s, n, r, &l))) r += l;
        if (r >= n) break;
        uint32_t c = tu_ch_dec(s, n, r, &l);
        if (is_alnum(c)) {
            size_t e = tu_scan_word_end(s, n, r);
            int up = tu_ch_isupper(c);
            if (words > 0 && in_list(s + r, e - r, stop_words)) break;
            if (words == 0) first_up = up;
            if (words == 1) title = first_up && up;
            if (title && words >= 2 && !up) break;
            if (++words > max) return;
            last = e;
            r = e;
        } else if (is_dash(c) && words > 0) {
            r += l;
        } else {
            break;
        }
    }
    if (words) add(cx, s + q, last - q, max);
}

/* A quote opening at Q. */
static void quoted(ctx_t *cx, const char *s, size_t n, size_t q)
{
    size_t l, r;
    tu_ch_dec(s, n, q, &l);
    size_t a = q + l;
    int words = 0, inword = 0;
    for (r = a; r < n; r += l) {
        uint32_t c = tu_ch_dec(s, n, r, &l);
        if (c == '\n') break;
        if (is_closer(c)) {
            size_t pl, nl2;
            /* M’Drắk: an apostrophe inside a word does not close. */
            if (c == 0x2019 && r > a && tu_ch_isletter(tu_ch_prev(s, r, &pl))
                && r + l < n && tu_ch_isletter(tu_ch_dec(s, n, r + l, &nl2)))
                continue;
            /* Closed: a name unless it holds a sentence break. */
            for (size_t p = a; p + 2 < r; p++)
                if ((s[p] == '.' || s[p] == '!' || s[p] == '?')
                    && s[p + 1] == ' ') {
                    size_t cl;
                    if (tu_ch_isupper(tu_ch_dec(s, r, p + 2, &cl))) return;
                }
            add(cx, s + a, r - a, MAX_QUOTED_WORDS);
            return;
        }
        if (is_opener(c)) break;
        if (is_alnum(c)) {
            if (!inword && ++words > MAX_SCAN_WORDS) break;
            inword = 1;
        } else {
            inword = 0;
        }
    }
    bounded(cx, s, n, a, MAX_UNCLOSED_WORDS);
}

/* "mô hình" ended at Q. */
static void after_mo_hinh(ctx_t *cx, const char *s, size_t n, size_t q)
{
    int gapw = 0, punct = 0;
    size_t l;
    while (q < n) {
        uint32_t c = tu_ch_dec(s, n, q, &l);
        if (is_blank(c)) { q += l; continue; }
        if (is_opener(c)) { quoted(cx, s, n, q); return; }
        if (c == ',' || c == ':' || is_dash(c)) { punct = 1; q += l; continue; }
        if (!is_alnum(c)) return;
        size_t e = tu_scan_word_end(s, n, q);
        if (gapw == 0 && !punct && tu_ch_isupper(c)) {
            bounded(cx, s, n, q, MAX_UNQUOTED_WORDS);
            return;
        }
        if (tu_scan_word_is(s + q, e - q, "mo")) return;
        if (in_list(s + q, e - q, gap_stop)) return;
        if (++gapw > MAX_GAP_WORDS) return;
        q = e;
    }
}

tracuu_status_t tu_models_extract(const char *s, size_t n, tracuu_meta_t *m)
{
    ctx_t cx = {m, NULL, 0, m->n_models, TRACUU_OK};
    for (size_t i = 0; i < m->n_models; i++) {
        char *k = tracuu_model_key(m->models[i], strlen(m->models[i]));
        char **nk = realloc(cx.keys, (cx.nkeys + 1) * sizeof *nk);
        if (nk) cx.keys = nk;
        if (!k || !nk) { free(k); cx.rc = TRACUU_ERR_NOMEM; break; }
        cx.keys[cx.nkeys++] = k;
    }
    size_t p = 0, l;
    while (p < n && cx.rc == TRACUU_OK) {
        uint32_t c = tu_ch_dec(s, n, p, &l);
        if (!tu_ch_isletter(c)) { p += l; continue; }
        size_t e = tu_scan_word_end(s, n, p);
        if (e - p <= 3 && tu_scan_word_is(s + p, e - p, "mo")) {
            size_t q = e;
            while (q < n && is_blank(tu_ch_dec(s, n, q, &l))) q += l;
            size_t e2 = tu_scan_word_end(s, n, q);
            if (q > e && e2 > q && tu_scan_word_is(s + q, e2 - q, "hinh")) {
                after_mo_hinh(&cx, s, n, e2);
                e = e2;
            }
        }
        p = e;
    }
    for (size_t i = 0; i < cx.nkeys; i++) free(cx.keys[i]);
    free(cx.keys);
    return cx.rc;
}

char *tracuu_model_key(const char *name, size_t n)
{
    /* Words folded one by one, joined by one space; dashes become "-". */
    size_t cap = 4 * n + 8, o = 0, p = 0, l;
    char *out = malloc(cap);
    if (!out) return NULL;
    while (p < n) {
        uint32_t c = tu_ch_dec(name, n, p, &l);
        if (is_blank(c) || c == '\n') { p += l; continue; }
        size_t a = p;
        while (p < n) {
            c = tu_ch_dec(name, n, p, &l);
            if (is_blank(c) || c == '\n') break;
            p += l;
        }
        if (o) out[o++] = ' ';
        for (size_t q = a; q < p; ) {
            size_t r = q;
            c = tu_ch_dec(name, p, q, &l);
            if (is_dash(c)) { out[o++] = '-'; q += l; continue; }
            while (r < p && !is_dash(tu_ch_dec(name, p, r, &l))) r += l;
            int k = tu_scan_fold(name + q, r - q, out + o, cap - o);
            if (k < 0) {                /* not foldable: kept as it is */
                if (r - q >= cap - o) { free(out); return NULL; }
                memcpy(out + o, name + q, r - q);
                k = (int)(r - q);
            }
            o += (size_t)k;
            q = r;
        }
    }
    out[o] = '\0';
    return out;
}
