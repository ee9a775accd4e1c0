/* tracuu: VIQR (RFC 1456, "Vietnamese Quoted-Readable") to UTF-8 and back.
 *
 * Marks follow the letter: breve '(', circumflex '^', horn '+', then the
 * tone: acute '\'', grave '`', hook '?', tilde '~', dot below '.'; "dd" is
 * đ; a backslash before a mark character that follows a vowel makes it
 * literal (elsewhere a backslash is kept as it is).  Because '.',
 * '?' and '\'' are also punctuation, the decoder is conservative: marks
 * after the last letter of a word are taken as marks only if the word then
 * reads as a Vietnamese syllable ("tri." is trị, "Nam." stays; "ba..." is
 * an ellipsis), and a word whose marks do not make it a syllable keeps its
 * marks literal unless it has a mark no punctuation uses (^ ( + ~ `, dd):
 * "Le^nin" is Lênin, "O'Brien" stays. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "encoding/tu_encoders.h"
#include "encoding/tu_vnchar.h"
#include "base/tu_utf8.h"

static int is_mark(unsigned char c)
{
    return c == '^' || c == '(' || c == '+' || c == '\'' || c == '`' ||
           c == '?' || c == '~' || c == '.';
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int tone_of(unsigned char c)
{
    switch (c) {
    case '\'': return TU_T_ACUTE;
    case '`': return TU_T_GRAVE;
    case '?': return TU_T_HOOK;
    case '~': return TU_T_TILDE;
    case '.': return TU_T_DOT;
    default: return -1;
    }
}

static int vowel_of(unsigned char c)
{
    switch (c | 0x20) {
    case 'a': return TU_V_A;
    case 'e': return TU_V_E;
    case 'i': return TU_V_I;
    case 'o': return TU_V_O;
    case 'u': return TU_V_U;
    case 'y': return TU_V_Y;
    default: return -1;
    }
}

/* Which marks a decoding pass applies: all; all but trailing . ? ' ; only
 * those before the last letter; none. */
enum { APPLY_ALL, APPLY_STRONG, APPLY_INNER, APPLY_NONE };

typedef struct {
    size_t marked;     /* letters that got a mark */
    int strong;        /* a mark punctuation does not use: ^ ( + ~ ` dd */
    int broken;        /* a literal character between letters */
    size_t letters_end;/* output length up to the end of the last letter */
} runinfo;

/* Decode the run R (LEN bytes: letters, marks, escapes; starts with a
 * letter) into OUT (room for 3 * LEN bytes) with MODE (APPLY_*); returns
 * the length written.  LAST: index of the run's last letter; marks after it
 * are "trailing".  *RI gets what the pass saw. */
static size_t decode_run(const unsigned char *r, size_t len, size_t last,
                         int mode, char *out, runinfo *ri)
{
    size_t o = 0, i = 0;
    int v = -1, tone = TU_T_NONE, up = 0, modded = 0, literal_seen = 0;
    int caps = 1;
    for (size_t k = 0; k < len && caps; k++)
        caps = !(r[k] >= 'a' && r[k] <= 'z');
    memset(ri, 0, sizeof *ri);
#define FLUSH() do { if (v >= 0) { \
        o += (size_t)tu_utf8_encode(tu_vn_compose(v, tone, up), (unsigned char *)(out + o)); \
        if (tone != TU_T_NONE || modded) ri->marked++; \
        ri->letters_end = o; v = -1; } } while (0)
    while (i < len) {
        unsigned char c = r[i];
        if (is_alpha(c)) {
            FLUSH();
            if (literal_seen) ri->broken = 1;
            /* dd/DD: đ at the start of a word, or inside an all-capitals
             * word (HDDND = HĐND). */
            if ((c | 0x20) == 'd' && i + 1 < len && (r[i + 1] | 0x20) == 'd'
                && mode != APPLY_NONE &&
                (i == 0 || (caps && c == 'D' && r[i + 1] == 'D'))) {
                o += (size_t)tu_utf8_encode(c == 'D' ? 0x110 : 0x111, (unsigned char *)(out + o));
                ri->marked++;
                ri->strong = 1;
                ri->letters_end = o;
                i += 2;
                continue;
            }
            int nv = vowel_of(c);
            if (nv >= 0) {
                v = nv; tone = TU_T_NONE; modded = 0;
                up = c >= 'A' && c <= 'Z';
            } else {
                out[o++] = (char)c;
                ri->letters_end = o;
            }
            i++;
            continue;
        }
        if (c == '\\' && i + 1 < len && is_mark(r[i + 1])) {
            FLUSH();
            out[o++] = (char)r[i + 1];
            literal_seen = 1;
            i += 2;
            continue;
        }
        /* A mark character. */
        int weak = c == '.' || c == '?' || c == '\'';
        int apply = mode == APPLY_ALL || (mode != APPLY_NONE && i < last) ||
                    (mode == APPLY_STRONG && !weak);
        int ok = 0;
        if (apply && v >= 0) {
            int t = tone_of(c);
            if (t >= 0 && tone == TU_T_NONE) {
                /* "..." after a word is an ellipsis, not a dot below. */
                if (!(c == '.' && i + 2 < len && r[i + 1] == '.' &&
                      r[i + 2] == '.')) {
                    tone = t;
                    ok = 1;
                    if (c == '~' || c == '`') ri->strong = 1;
                }
            } else if (t < 0 && !modded && tone == TU_T_NONE) {
                int nv = c == '^' ? tu_vn_add_circumflex(v)
                       : c == '(' ? tu_vn_add_breve(v) : tu_vn_add_horn(v);
                if (nv >= 0) { v = nv; modded = 1; ok = 1; ri->strong = 1; }
            }
        }
        if (!ok) {
            FLUSH();
            out[o++] = (char)c;
            literal_seen = 1;
        }
        i++;
    }
    FLUSH();
#undef FLUSH
    return o;
}

size_t tu_viqr_decode(const char *in, size_t n, char *out, size_t *n_invalid,
                      size_t *n_marked)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0, bad = 0, marked = 0, i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x80) {           /* pass UTF-8 through, U+FFFD the rest */
            uint32_t cp;
            size_t len = tu_utf8_next(s + i, n - i, &cp);
            if (cp == 0xFFFD && len == 1) {
                bad++;
                o += (size_t)tu_utf8_encode(cp, (unsigned char *)(out + o));
            } else {
                memcpy(out + o, s + i, len);
                o += len;
            }
            i += len;
            continue;
        }
        if (!is_alpha(c)) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        /* A run: letters, and marks (or escaped marks) after a vowel or
         * after another mark; a mark after a consonant ends it ("ng..."). */
        size_t j = i, last = 0;
        int after = 0;                 /* 0 consonant, 1 vowel/mark, 2 escape */
        while (j < n) {
            if (is_alpha(s[j])) {
                last = j - i;
                after = vowel_of(s[j]) >= 0;
                j++;
            } else if (is_mark(s[j]) && after == 1) {
                j++;
            } else if (s[j] == '\\' && j + 1 < n && is_mark(s[j + 1]) &&
                       after == 1) {
                j += 2;
                after = 2;
            } else {
                break;
            }
        }
        const unsigned char *r = s + i;
        size_t len = j - i;
        runinfo ri;
        size_t k = 0;
        for (int mode = APPLY_ALL; mode <= APPLY_NONE; mode++) {
            k = decode_run(r, len, last, mode, out + o, &ri);
            if (mode == APPLY_NONE)
                break;
            if (!ri.broken && tu_vn_syllable_utf8(out + o, ri.letters_end))
                break;
            if (mode != APPLY_ALL && ri.strong)
                break;
        }
        marked += ri.marked;
        o += k;
        i = j;
    }
    out[o] = '\0';
    if (n_invalid) *n_invalid += bad;
    if (n_marked) *n_marked += marked;
    return o;
}

char *tu_viqr_encode(const char *in, size_t n, size_t *out_len,
                     size_t *n_unmapped)
{
    static const char tone_ch[TU_T_COUNT] = {0, '`', '?', '~', '\'', '.'};
    const unsigned char *s = (const unsigned char *)in;
    char *out = malloc(2 * n + 1);   /* any char -> at most 2 per byte */
    size_t o = 0, bad = 0, i = 0;
    int prev_vowel = 0;   /* a mark character here would attach to it */
    if (!out)
        return NULL;
    while (i < n) {
        uint32_t cp;
        int v, t, up;
        i += tu_utf8_next(s + i, n - i, &cp);
        if (cp < 0x80) {
            if (prev_vowel && is_mark((unsigned char)cp))
                out[o++] = '\\';
            out[o++] = (char)cp;
            prev_vowel = vowel_of((unsigned char)cp) >= 0;
            continue;
        }
        if (cp == 0x111 || cp == 0x110) {
            out[o++] = cp == 0x111 ? 'd' : 'D';
            out[o++] = cp == 0x111 ? 'd' : 'D';
            prev_vowel = 0;
            continue;
        }
        if (!tu_vn_decompose(cp, &v, &t, &up)) {
            if (prev_vowel)
                out[o++] = '\\';
            out[o++] = '?';
            bad++;
            prev_vowel = 0;
            continue;
        }
        static const struct { int v, base; char m; } mods[] = {
            {TU_V_AW, TU_V_A, '('}, {TU_V_AA, TU_V_A, '^'},
            {TU_V_EE, TU_V_E, '^'}, {TU_V_OO, TU_V_O, '^'},
            {TU_V_OW, TU_V_O, '+'}, {TU_V_UW, TU_V_U, '+'},
        };
        int base = v;
        char m = 0;
        prev_vowel = 1;
        for (size_t k = 0; k < sizeof mods / sizeof *mods; k++)
            if (mods[k].v == v) { base = mods[k].base; m = mods[k].m; }
        out[o++] = (char)tu_vn_compose(base, TU_T_NONE, up);
        if (m) out[o++] = m;
        if (t != TU_T_NONE) out[o++] = tone_ch[t];
    }
    out[o] = '\0';
    if (out_len) *out_len = o;
    if (n_unmapped) *n_unmapped += bad;
    return out;
}
