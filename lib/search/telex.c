/* Telex and VNI keystrokes back to Vietnamese syllables: see tu_telex.h.
 * Our own code: no library knows Vietnamese input methods. */
#include <string.h>
#include "search/tu_telex.h"
#include "tracuu/normalize.h"

enum { SH_NONE, SH_CIRC, SH_BREVE, SH_HORN };
/* combining marks (UTF-8): tones grave, acute, hook, tilde, dot below */
static const char *const tone_mark[6] = {"", "\xcc\x81", "\xcc\x80", "\xcc\x89",
                                         "\xcc\x83", "\xcc\xa3"};
enum { T_NONE, T_SAC, T_HUYEN, T_HOI, T_NGA, T_NANG };

typedef struct {
    char c;      /* base letter a-z, or 'D' for đ */
    int shape;
} unit_t;

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The UTF-8 of base C with SHAPE. */
static const char *letter(char c, int shape)
{
    switch (c) {
    case 'a': return shape == SH_CIRC ? "\xc3\xa2" : shape == SH_BREVE ? "\xc4\x83" : "a";
    case 'e': return shape == SH_CIRC ? "\xc3\xaa" : "e";
    case 'o': return shape == SH_CIRC ? "\xc3\xb4" : shape == SH_HORN ? "\xc6\xa1" : "o";
    case 'u': return shape == SH_HORN ? "\xc6\xb0" : "u";
    case 'D': return "\xc4\x91";
    default: return NULL;
    }
}

/* The last unit that is vowel V (or any of a/e/o with V == 0). */
static int last_vowel(const unit_t *u, int n, const char *which)
{
    for (int i = n - 1; i >= 0; i--)
        if (strchr(which, u[i].c))
            return i;
    return -1;
}

static int parse(const char *w, size_t n, unit_t *u, int *nu, int *tone)
{
    int k = 0, vowel_seen = 0, marked = 0;
    *tone = T_NONE;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (k >= 12)
            return -1;
        if (c >= '1' && c <= '9') {  /* VNI */
            int v;
            marked = 1;
            switch (c) {
            case '1': *tone = T_SAC; continue;
            case '2': *tone = T_HUYEN; continue;
            case '3': *tone = T_HOI; continue;
            case '4': *tone = T_NGA; continue;
            case '5': *tone = T_NANG; continue;
            case '6':
                if ((v = last_vowel(u, k, "aeo")) < 0) return -1;
                u[v].shape = SH_CIRC;
                continue;
            case '7':
                if ((v = last_vowel(u, k, "ou")) < 0) return -1;
                u[v].shape = SH_HORN;
                if (u[v].c == 'o' && v > 0 && u[v - 1].c == 'u')
                    u[v - 1].shape = SH_HORN;  /* uo7 -> ươ */
                continue;
            case '8':
                if ((v = last_vowel(u, k, "a")) < 0) return -1;
                u[v].shape = SH_BREVE;
                continue;
            case '9':
                if (k == 0 || u[0].c != 'd') return -1;
                u[0].c = 'D';
                continue;
            }
        }
        if (c < 'a' || c > 'z')
            return -1;
        if (vowel_seen && strchr("sfrxj", c)) {  /* Telex tone keys */
            marked = 1;
            *tone = c == 's' ? T_SAC : c == 'f' ? T_HUYEN : c == 'r' ? T_HOI
                  : c == 'x' ? T_NGA : T_NANG;
            continue;
        }
        if (c == 'z' && vowel_seen) {
            marked = 1;
            *tone = T_NONE;
            continue;
        }
        if (c == 'w') {  /* aw ă, ow ơ, uw ư, uow ươ, w alone ư */
            marked = 1;
            int v = last_vowel(u, k, "aou");
            int in_cluster = v >= 0;  /* only vowels after it: "uoiw" */
            for (int j = v + 1; in_cluster && j < k; j++)
                in_cluster = is_vowel(u[j].c);
            if (in_cluster && u[v].shape == SH_NONE) {
                u[v].shape = u[v].c == 'a' ? SH_BREVE : SH_HORN;
                if (u[v].c == 'o' && v > 0 && u[v - 1].c == 'u')
                    u[v - 1].shape = SH_HORN;
            } else {
                u[k++] = (unit_t){'u', SH_HORN};
                vowel_seen = 1;
            }
            continue;
        }
        if (k > 0 && c == u[k - 1].c && u[k - 1].shape == SH_NONE &&
            (c == 'a' || c == 'e' || c == 'o')) {  /* aa â, ee ê, oo ô */
            u[k - 1].shape = SH_CIRC;
            marked = 1;
            continue;
        }
        if (c == 'd' && k == 1 && u[0].c == 'd') {  /* dd đ */
            u[0].c = 'D';
            marked = 1;
            continue;
        }
        u[k++] = (unit_t){c, SH_NONE};
        vowel_seen |= is_vowel(c);
    }
    *nu = k;
    return marked ? 0 : -1;
}

int tu_telex_word(const char *w, size_t n, char *out, size_t cap)
{
    if (n == 0 || n > 16)
        return 0;
    unit_t u[12];
    int k = 0, tone = T_NONE;
    if (parse(w, n, u, &k, &tone) != 0 || k == 0)
        return 0;
    char raw[64];
    size_t len = 0;
    int toned = 0;
    for (int i = 0; i < k; i++) {
        const char *l = letter(u[i].c, u[i].shape);
        char one[2] = {u[i].c, '\0'};
        if (!l)
            l = one;
        size_t ll = strlen(l);
        if (len + ll + 3 >= sizeof raw)
            return 0;
        memcpy(raw + len, l, ll);
        len += ll;
        if (tone && !toned && is_vowel(u[i].c)) {
            /* after the first vowel: tracuu_norm_exact moves it where it
             * belongs */
            memcpy(raw + len, tone_mark[tone], 2);
            len += 2;
            toned = 1;
        }
    }
    if (tone && !toned)
        return 0;
    int r = tracuu_norm_exact(raw, len, out, cap);
    if (r <= 0 || !tracuu_is_vn_syllable(out, (size_t)r) || !tracuu_has_marks(out, (size_t)r))
        return 0;
    return r;
}
