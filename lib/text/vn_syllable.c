/* Vietnamese syllables: structure check (tracuu_is_vn_syllable) and the
 * exact key with the tone mark on its canonical vowel (tracuu_norm_exact).
 *
 * A word is read as lower-case NFD and split into letters: a base letter
 * (a-z, or đ) with at most one shape mark (circumflex, breve, horn); tone
 * marks are counted apart.  The structure is checked on the base letters
 * (so unaccented spellings like "nguoi" pass) with the tables below. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tracuu/normalize.h"
#include "text/tu_unicode.h"
#include "base/tu_utf8.h"

#define SH_NONE TU_SH_NONE
#define SH_CIRC TU_SH_CIRC
#define SH_BREVE TU_SH_BREVE
#define SH_HORN TU_SH_HORN
#define SH_STROKE TU_SH_STROKE

#define T_GRAVE 0x300
#define T_ACUTE 0x301
#define T_TILDE 0x303
#define T_HOOK 0x309
#define T_DOT 0x323

#define MAX_LETTERS 12

typedef struct {
    char b[MAX_LETTERS + 1];          /* base letters, NUL-terminated */
    unsigned char shape[MAX_LETTERS];
    int n;                            /* number of letters */
    utf8proc_int32_t tone;            /* last tone mark seen, or 0 */
    int ntones;
    int vs, ve;                       /* vowel cluster [vs, ve); final after */
} syl_t;

/* Initial consonants other than "qu" and "gi" (handled apart), longest
 * first so that the first match is the longest. */
typedef struct {
    char s[4];
    unsigned char len;
    unsigned char flag;
} spell_t;

#define FRONT 1   /* initial: only before e, ê, i, y (k, gh, ngh) */
#define STOP 1    /* final: takes only sắc or nặng (c, ch, p, t) */

static const spell_t initials[] = {
    {"ngh", 3, FRONT}, {"ng", 2, 0}, {"nh", 2, 0}, {"ch", 2, 0},
    {"gh", 2, FRONT}, {"kh", 2, 0}, {"ph", 2, 0}, {"th", 2, 0}, {"tr", 2, 0},
    {"b", 1, 0}, {"c", 1, 0}, {"d", 1, 0}, {"g", 1, 0}, {"h", 1, 0},
    {"k", 1, FRONT}, {"l", 1, 0}, {"m", 1, 0}, {"n", 1, 0}, {"p", 1, 0},
    {"r", 1, 0}, {"s", 1, 0}, {"t", 1, 0}, {"v", 1, 0}, {"x", 1, 0},
};

static const spell_t finals[] = {
    {"", 0, 0}, {"c", 1, STOP}, {"ch", 2, STOP}, {"m", 1, 0}, {"n", 1, 0},
    {"ng", 2, 0}, {"nh", 2, 0}, {"p", 1, STOP}, {"t", 1, STOP},
};

/* 1 if the spelling E is at S (which has at least E->len chars or a NUL
 * before); no library calls, this runs for every word. */
static int spell_at(const char *s, const spell_t *e)
{
    for (unsigned i = 0; i < e->len; i++)
        if (s[i] != e->s[i])
            return 0;
    return 1;
}

enum { ANY, OPEN, CLOSED };   /* final consonant: optional, none, required */

/* Vowel clusters on base letters (ă â -> a, ê -> e, ô ơ -> o, ư -> u). */
static const struct {
    char v[4];
    unsigned char cls;
} clusters[] = {
    {"a", ANY}, {"e", ANY}, {"i", ANY}, {"o", ANY}, {"u", ANY}, {"y", ANY},
    {"ai", OPEN},   /* ai */
    {"ao", OPEN},   /* ao */
    {"au", OPEN},   /* au âu */
    {"ay", OPEN},   /* ay ây */
    {"eo", OPEN},   /* eo */
    {"eu", OPEN},   /* êu */
    {"ia", OPEN},   /* ia */
    {"ie", CLOSED}, /* iê */
    {"iu", OPEN},   /* iu */
    {"oa", ANY},    /* oa oă */
    {"oe", ANY},    /* oe */
    {"oi", OPEN},   /* oi ôi ơi */
    {"oo", CLOSED}, /* oo (xoong) */
    {"ua", ANY},    /* ua uâ ưa */
    {"ue", ANY},    /* uê */
    {"ui", OPEN},   /* ui ưi */
    {"uo", ANY},    /* uô uơ ươ */
    {"uu", OPEN},   /* ưu */
    {"uy", ANY},    /* uy */
    {"ye", CLOSED}, /* yê */
    {"ieu", OPEN},  /* iêu */
    {"oai", OPEN},  /* oai */
    {"oao", OPEN},  /* oao (ngoao) */
    {"oay", OPEN},  /* oay */
    {"oeo", OPEN},  /* oeo */
    {"uay", OPEN},  /* uây */
    {"uoi", OPEN},  /* uôi ươi */
    {"uou", OPEN},  /* ươu */
    {"uya", OPEN},  /* uya */
    {"uye", CLOSED},/* uyê */
    {"uyu", OPEN},  /* uyu */
    {"yeu", OPEN},  /* yêu */
};

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
           c == 'y';
}

static int is_tone(utf8proc_int32_t m)
{
    return m == T_GRAVE || m == T_ACUTE || m == T_TILDE || m == T_HOOK ||
           m == T_DOT;
}

static utf8proc_int32_t lower_cb(utf8proc_int32_t cp, void *data)
{
    (void)data;
    return utf8proc_tolower(cp);
}

/* Lower-case NFD of W (valid UTF-8) into STACK (SCAP entries) or, if it
 * does not fit, a malloc'd array stored in *HEAP (caller frees).  Returns
 * the number of code points, or -1. */
static utf8proc_ssize_t lower_nfd(const char *w, size_t n,
                                  utf8proc_int32_t *stack, size_t scap,
                                  utf8proc_int32_t **heap)
{
    utf8proc_ssize_t len;
    *heap = NULL;
    len = utf8proc_decompose_custom((const utf8proc_uint8_t *)w,
                                    (utf8proc_ssize_t)n, stack,
                                    (utf8proc_ssize_t)scap, UTF8PROC_DECOMPOSE,
                                    lower_cb, NULL);
    if (len < 0)
        return -1;
    if ((size_t)len + 1 <= scap)
        return len;
    if ((size_t)len > n * 4 + 16)
        return -1;
    *heap = malloc(((size_t)len + 1) * sizeof **heap);
    if (!*heap)
        return -1;
    len = utf8proc_decompose_custom((const utf8proc_uint8_t *)w,
                                    (utf8proc_ssize_t)n, *heap, len + 1,
                                    UTF8PROC_DECOMPOSE, lower_cb, NULL);
    return len;
}

/* Put shape SH on the last letter of SY if its base takes it; 0 if not. */
static int add_shape(syl_t *sy, int sh)
{
    char b;
    if (sy->n == 0 || sy->shape[sy->n - 1] != SH_NONE)
        return 0;
    b = sy->b[sy->n - 1];
    if ((sh == SH_CIRC && (b == 'a' || b == 'e' || b == 'o')) ||
        (sh == SH_BREVE && b == 'a') ||
        (sh == SH_HORN && (b == 'o' || b == 'u'))) {
        sy->shape[sy->n - 1] = (unsigned char)sh;
        return 1;
    }
    return 0;
}

/* Add the combining mark C to SY: 1 if it is a shape or tone mark that
 * fits, else 0. */
static int add_mark(syl_t *sy, utf8proc_int32_t c)
{
    if (is_tone(c)) {
        if (sy->n == 0)
            return 0;
        sy->tone = c;
        sy->ntones++;
        return 1;
    }
    if (c == 0x302)
        return add_shape(sy, SH_CIRC);
    if (c == 0x306)
        return add_shape(sy, SH_BREVE);
    if (c == 0x31B)
        return add_shape(sy, SH_HORN);
    return 0;
}

/* Split the lower-case NFD code points CP[0..LEN) into letters.  Returns 1
 * if every code point is a Latin base letter, đ, a shape mark on a vowel
 * that takes it, or a tone mark; else 0. */
static int split_letters(const utf8proc_int32_t *cp, utf8proc_ssize_t len,
                         syl_t *sy)
{
    memset(sy, 0, sizeof *sy);
    for (utf8proc_ssize_t i = 0; i < len; i++) {
        utf8proc_int32_t c = cp[i];
        if ((c >= 'a' && c <= 'z') || c == 0x111) {
            if (sy->n >= MAX_LETTERS)
                return 0;
            sy->b[sy->n] = c == 0x111 ? 'd' : (char)c;
            sy->shape[sy->n] = c == 0x111 ? SH_STROKE : SH_NONE;
            sy->n++;
        } else if (!add_mark(sy, c)) {
            return 0;
        }
    }
    sy->b[sy->n] = '\0';
    return sy->n > 0;
}

/* The same as lower_nfd + split_letters, straight from valid UTF-8 W with
 * the tables of tu_unicode.h.  Returns 1 or 0 as split_letters, or -1 if W
 * has a code point the tables do not know (then take the slow path). */
static int fast_letters(const char *w, size_t n, syl_t *sy)
{
    const unsigned char *s = (const unsigned char *)w;
    size_t i = 0;
    memset(sy, 0, sizeof *sy);
    while (i < n) {
        uint32_t cp = 0;
        int len = tu_utf8_decode(s + i, n - i, &cp);
        unsigned v;
        if (len < 0)
            return 0;
        i += (size_t)len;
        v = tu_uni_vn_split(cp);
        if (v) {
            int tone = (int)(v >> 12), sh = (int)((v >> 8) & 0xF);
            if (sy->n >= MAX_LETTERS)
                return 0;
            sy->b[sy->n] = (char)(v & 0x7F);
            sy->shape[sy->n] = SH_NONE;
            sy->n++;
            if (sh == SH_STROKE)
                sy->shape[sy->n - 1] = SH_STROKE;
            else if (sh && !add_shape(sy, sh))
                return 0;
            if (tone) {
                sy->tone = (utf8proc_int32_t)tu_uni_tone_mark[tone];
                sy->ntones++;
            }
        } else if (cp >= 0x300 && cp < 0x370) {
            if (!add_mark(sy, (utf8proc_int32_t)cp))
                return 0;
        } else {
            return -1;
        }
    }
    sy->b[sy->n] = '\0';
    return sy->n > 0;
}

/* Check the structure of SY and set its vowel cluster.  Returns 1 if it is
 * a Vietnamese syllable (tone count is checked by the callers). */
static int check_structure(syl_t *sy)
{
    const char *b = sy->b;
    int ini = -1, n = sy->n, cls = -1, cl, stop = 0;
    size_t k;

    for (int i = 1; i < n; i++)
        if (sy->shape[i] == SH_STROKE)
            return 0;                         /* đ only as the initial */
    if (b[0] == 'q') {
        if (b[1] != 'u' || n < 3 || !is_vowel(b[2]) || sy->shape[1] != SH_NONE)
            return 0;
        ini = 2;
    } else if (b[0] == 'g' && b[1] == 'i' && n > 2 && is_vowel(b[2]) &&
               sy->shape[1] == SH_NONE) {
        ini = 2;                              /* gia, giữ, giường */
    } else if (is_vowel(b[0])) {
        ini = 0;
    } else {
        for (k = 0; k < sizeof initials / sizeof *initials; k++) {
            if (spell_at(b, &initials[k])) {
                ini = initials[k].len;
                break;
            }
        }
        if (ini < 0)
            return 0;
        if (initials[k].flag == FRONT &&
            !(b[ini] == 'e' || b[ini] == 'i' || b[ini] == 'y'))
            return 0;
    }
    sy->vs = sy->ve = ini;
    while (sy->ve < n && is_vowel(b[sy->ve]))
        sy->ve++;
    if (sy->ve == sy->vs || sy->ve - sy->vs > 3)
        return 0;
    for (k = 0; k < sizeof finals / sizeof *finals; k++)
        if (finals[k].len == n - sy->ve && spell_at(b + sy->ve, &finals[k]))
            break;
    if (k == sizeof finals / sizeof *finals)
        return 0;
    stop = finals[k].flag == STOP;
    cl = sy->ve - sy->vs;
    for (size_t c = 0; c < sizeof clusters / sizeof *clusters; c++) {
        const char *v = clusters[c].v;
        if (v[0] == b[sy->vs] && (cl < 2 || v[1] == b[sy->vs + 1]) &&
            (cl < 3 || v[2] == b[sy->vs + 2]) && v[cl] == '\0') {
            cls = clusters[c].cls;
            break;
        }
    }
    if (cls < 0)
        return 0;
    if (cls == OPEN && sy->ve < n)
        return 0;
    if (cls == CLOSED && sy->ve == n)
        return 0;
    /* ă and â are short: they need a final (ăn, ân, but âu/ây end in a
     * glide, which belongs to the cluster). */
    if (sy->ve == n && (sy->shape[sy->ve - 1] == SH_BREVE ||
                        (sy->shape[sy->ve - 1] == SH_CIRC &&
                         b[sy->ve - 1] == 'a')))
        return 0;
    /* Stop finals take only sắc or nặng (or none when typed unaccented). */
    if (stop && sy->ntones == 1 && sy->tone != T_ACUTE && sy->tone != T_DOT)
        return 0;
    return 1;
}

int tracuu_is_vn_syllable(const char *w, size_t n)
{
    utf8proc_int32_t stack[64], *heap = NULL;
    utf8proc_ssize_t len;
    syl_t sy;
    int ok;

    if (!w || n == 0 || n > 64 || !tracuu_utf8_valid(w, n))
        return 0;
    ok = fast_letters(w, n, &sy);
    if (ok < 0) {
        len = lower_nfd(w, n, stack, 64, &heap);
        ok = len > 0 && split_letters(heap ? heap : stack, len, &sy);
        free(heap);
    }
    return ok && sy.ntones <= 1 && check_structure(&sy);
}

/* The letter of SY's cluster that carries the tone (old style). */
static int tone_target(const syl_t *sy)
{
    int cl = sy->ve - sy->vs;
    for (int i = sy->ve - 1; i >= sy->vs; i--)
        if (sy->shape[i] == SH_CIRC || sy->shape[i] == SH_BREVE ||
            sy->shape[i] == SH_HORN)
            return i;                         /* người, tiếng, cửa */
    if (sy->ve < sy->n)
        return sy->ve - 1;                    /* hoàng, toán, huỳnh */
    if (cl == 3)
        return sy->vs + 1;                    /* oái, khuỷu, ngoẻo */
    return sy->vs;                            /* hòa, thủy, múa, á */
}

/* Exact key of the syllable SY (checked, at most one tone) into OUT.
 * Returns its length, -1 if it does not fit, -2 if a letter has no
 * precomposed form (then take the slow path). */
static int emit_syllable(const syl_t *sy, char *out, size_t cap)
{
    int t = sy->ntones ? tone_target(sy) : -1, tone = 0;
    size_t k = 0;
    for (int i = 1; i < 6; i++)
        if ((utf8proc_int32_t)tu_uni_tone_mark[i] == sy->tone)
            tone = i;
    for (int i = 0; i < sy->n; i++) {
        unsigned char enc[4];
        uint32_t cp = tu_uni_vn_join(sy->b[i], sy->shape[i], i == t ? tone : 0);
        int el;
        if (!cp)
            return -2;
        el = tu_utf8_encode(cp, enc);
        if (k + (size_t)el >= cap)
            return -1;
        memcpy(out + k, enc, (size_t)el);
        k += (size_t)el;
    }
    out[k] = '\0';
    return (int)k;
}

int tracuu_norm_exact(const char *w, size_t n, char *out, size_t cap)
{
    int fast;
    size_t i;
    utf8proc_int32_t stack[260], *heap = NULL, *cp;
    utf8proc_ssize_t len;
    syl_t sy;

    if (!out || cap == 0 || (!w && n))
        return -1;
    for (i = 0; i < n && (unsigned char)w[i] < 0x80; i++)
        ;
    if (i == n) {                   /* ASCII: lower case is the whole key */
        if (n >= cap || n > INT32_MAX)
            return -1;
        for (i = 0; i < n; i++)
            out[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
        out[n] = '\0';
        return (int)n;
    }
    if (!tracuu_utf8_valid(w, n))
        return -1;
    fast = fast_letters(w, n, &sy);
    if (fast > 0 && sy.ntones <= 1 && check_structure(&sy)) {
        int r = emit_syllable(&sy, out, cap);
        if (r != -2)
            return r;
    }
    len = lower_nfd(w, n, stack, 260, &heap);
    if (len < 0)
        return -1;
    cp = heap ? heap : stack;
    if (len > 0 && split_letters(cp, len, &sy) && sy.ntones == 1 &&
        check_structure(&sy)) {
        int t = tone_target(&sy);
        utf8proc_ssize_t k = 0;
        /* Emit in canonical order: horn (ccc 216), dot below (220), then
         * circumflex/breve and the other tones (230). */
        for (int i = 0; i < sy.n; i++) {
            cp[k++] = sy.shape[i] == SH_STROKE ? 0x111 : sy.b[i];
            if (sy.shape[i] == SH_HORN)
                cp[k++] = 0x31B;
            if (i == t && sy.tone == T_DOT)
                cp[k++] = T_DOT;
            if (sy.shape[i] == SH_CIRC)
                cp[k++] = 0x302;
            else if (sy.shape[i] == SH_BREVE)
                cp[k++] = 0x306;
            if (i == t && sy.tone != T_DOT)
                cp[k++] = sy.tone;
        }
        len = k;   /* never longer than the NFD we read the letters from */
    }
    len = utf8proc_reencode(cp, len, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (len < 0 || (size_t)len >= cap) {
        free(heap);
        return -1;
    }
    memcpy(out, cp, (size_t)len);
    out[len] = '\0';
    free(heap);
    return (int)len;
}
