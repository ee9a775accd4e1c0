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

enum { SH_NONE, SH_CIRC, SH_BREVE, SH_HORN, SH_STROKE };

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
static const char *const initials[] = {
    "ngh", "ng", "nh", "ch", "gh", "kh", "ph", "th", "tr",
    "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
};

static const char *const finals[] = {
    "", "c", "ch", "m", "n", "ng", "nh", "p", "t",
};

enum { ANY, OPEN, CLOSED };   /* final consonant: optional, none, required */

/* Vowel clusters on base letters (ă â -> a, ê -> e, ô ơ -> o, ư -> u). */
static const struct {
    const char *v;
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
        } else if (is_tone(c)) {
            if (sy->n == 0)
                return 0;
            sy->tone = c;
            sy->ntones++;
        } else if (c == 0x302 || c == 0x306 || c == 0x31B) {
            char b;
            if (sy->n == 0 || sy->shape[sy->n - 1] != SH_NONE)
                return 0;
            b = sy->b[sy->n - 1];
            if (c == 0x302 && (b == 'a' || b == 'e' || b == 'o'))
                sy->shape[sy->n - 1] = SH_CIRC;
            else if (c == 0x306 && b == 'a')
                sy->shape[sy->n - 1] = SH_BREVE;
            else if (c == 0x31B && (b == 'o' || b == 'u'))
                sy->shape[sy->n - 1] = SH_HORN;
            else
                return 0;
        } else {
            return 0;
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
    int ini = -1, n = sy->n, cls = -1;
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
            size_t l = strlen(initials[k]);
            if (strncmp(b, initials[k], l) == 0) {
                ini = (int)l;
                break;
            }
        }
        if (ini < 0)
            return 0;
        if ((strcmp(initials[k], "k") == 0 || strcmp(initials[k], "gh") == 0 ||
             strcmp(initials[k], "ngh") == 0) &&
            !(b[ini] == 'e' || b[ini] == 'i' || b[ini] == 'y'))
            return 0;
    }
    sy->vs = sy->ve = ini;
    while (sy->ve < n && is_vowel(b[sy->ve]))
        sy->ve++;
    if (sy->ve == sy->vs || sy->ve - sy->vs > 3)
        return 0;
    for (k = 0; k < sizeof finals / sizeof *finals; k++)
        if (strcmp(b + sy->ve, finals[k]) == 0)
            break;
    if (k == sizeof finals / sizeof *finals)
        return 0;
    for (size_t c = 0; c < sizeof clusters / sizeof *clusters; c++) {
        size_t l = strlen(clusters[c].v);
        if ((int)l == sy->ve - sy->vs &&
            memcmp(b + sy->vs, clusters[c].v, l) == 0) {
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
    if (sy->ntones == 1 && sy->tone != T_ACUTE && sy->tone != T_DOT) {
        const char *f = b + sy->ve;
        if (!strcmp(f, "c") || !strcmp(f, "ch") || !strcmp(f, "p") ||
            !strcmp(f, "t"))
            return 0;
    }
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
    len = lower_nfd(w, n, stack, 64, &heap);
    ok = len > 0 && split_letters(heap ? heap : stack, len, &sy) &&
         sy.ntones <= 1 && check_structure(&sy);
    free(heap);
    return ok;
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

int tracuu_norm_exact(const char *w, size_t n, char *out, size_t cap)
{
    utf8proc_int32_t stack[260], *heap = NULL, *cp;
    utf8proc_ssize_t len;
    syl_t sy;

    if (!out || cap == 0 || (!w && n) || !tracuu_utf8_valid(w, n))
        return -1;
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
