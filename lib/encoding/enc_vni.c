/* tracuu: VNI-Windows (the VNI fonts) to UTF-8 and back.
 *
 * VNI writes a Vietnamese letter as an ASCII base letter followed by a mark
 * byte (a Latin-1 letter whose glyph in the VNI fonts is the mark), e.g.
 * "Vieät" = Việt, "Ñaûng" = Đảng.  Upper-case letters take the upper-case
 * mark bytes (0x20 lower).  ơ ư đ, the five toned i and ỵ have bytes of
 * their own.  Table from the VNI-Windows font layout (VNI Software); other
 * bytes are Windows-1252. */
#include <stdint.h>
#include <stdlib.h>
#include "encoding/tu_encoders.h"
#include "encoding/tu_vnchar.h"
#include "base/tu_utf8.h"

enum { M_NONE, M_CIRC, M_BREVE };

/* Lower-case mark bytes: modifier and tone (upper case: byte - 0x20). */
static const struct { unsigned char b; unsigned char mod, tone; } marks[] = {
    {0xF8, M_NONE, TU_T_GRAVE}, {0xF9, M_NONE, TU_T_ACUTE},
    {0xFB, M_NONE, TU_T_HOOK},  {0xF5, M_NONE, TU_T_TILDE},
    {0xEF, M_NONE, TU_T_DOT},
    {0xE2, M_CIRC, TU_T_NONE},  {0xE1, M_CIRC, TU_T_ACUTE},
    {0xE0, M_CIRC, TU_T_GRAVE}, {0xE5, M_CIRC, TU_T_HOOK},
    {0xE3, M_CIRC, TU_T_TILDE}, {0xE4, M_CIRC, TU_T_DOT},
    {0xEA, M_BREVE, TU_T_NONE}, {0xE9, M_BREVE, TU_T_ACUTE},
    {0xE8, M_BREVE, TU_T_GRAVE}, {0xFA, M_BREVE, TU_T_HOOK},
    {0xFC, M_BREVE, TU_T_TILDE}, {0xEB, M_BREVE, TU_T_DOT},
};
#define N_MARKS (sizeof marks / sizeof *marks)

/* Letters with a byte of their own (lower case; upper case: byte - 0x20). */
static const struct { unsigned char b; unsigned char v, tone; } singles[] = {
    {0xF4, TU_V_OW, TU_T_NONE}, {0xF6, TU_V_UW, TU_T_NONE},
    {0xEC, TU_V_I, TU_T_GRAVE}, {0xED, TU_V_I, TU_T_ACUTE},
    {0xE6, TU_V_I, TU_T_HOOK},  {0xF3, TU_V_I, TU_T_TILDE},
    {0xF2, TU_V_I, TU_T_DOT},   {0xEE, TU_V_Y, TU_T_DOT},
};
#define N_SINGLES (sizeof singles / sizeof *singles)

/* Index into marks[] / singles[] of byte B (lower- or upper-case form,
 * *UPPER says which), or -1. */
static int find_mark(unsigned char b, int *upper)
{
    for (size_t k = 0; k < N_MARKS; k++) {
        if (b == marks[k].b) { *upper = 0; return (int)k; }
        if (b == marks[k].b - 0x20) { *upper = 1; return (int)k; }
    }
    return -1;
}

static int find_single(unsigned char b, int *upper)
{
    for (size_t k = 0; k < N_SINGLES; k++) {
        if (b == singles[k].b) { *upper = 0; return (int)k; }
        if (b == singles[k].b - 0x20) { *upper = 1; return (int)k; }
    }
    return -1;
}

static int ascii_vowel(unsigned char c, int *upper)
{
    *upper = c >= 'A' && c <= 'Z';
    switch (c | 0x20) {
    case 'a': return TU_V_A;
    case 'e': return TU_V_E;
    case 'o': return TU_V_O;
    case 'u': return TU_V_U;
    case 'y': return TU_V_Y;
    case 'i': return TU_V_I;
    default: return -1;
    }
}

/* What each byte is, built from the arrays above at the start of each
 * decode call (256 entries, cheap next to the text). */
typedef struct { signed char mark, single; unsigned char up; } byteinfo;

static void build_info(byteinfo info[256])
{
    for (int b = 0; b < 256; b++) {
        int up = 0;
        info[b].mark = (signed char)(b >= 0x80 ? find_mark((unsigned char)b, &up) : -1);
        info[b].up = (unsigned char)up;
        info[b].single = -1;
        if (b >= 0x80 && info[b].mark < 0) {
            info[b].single = (signed char)find_single((unsigned char)b, &up);
            info[b].up = (unsigned char)up;
        }
    }
}

static uint32_t latin(unsigned char b, size_t *bad)
{
    if (b < 0x80 || b >= 0xA0)
        return b;
    unsigned cp = tu_cp1252_c1(b);
    if (!cp) { (*bad)++; return 0xFFFD; }
    return cp;
}

size_t tu_vni_decode(const char *in, size_t n, char *out, size_t *n_invalid)
{
    const unsigned char *s = (const unsigned char *)in;
    byteinfo info[256];
    size_t o = 0, bad = 0, i = 0;
    build_info(info);
    while (i < n) {
        unsigned char b = s[i];
        int v = -1, tone = TU_T_NONE, up = 0, mod_done = 0;
        if (b < 0x80) {
            v = ascii_vowel(b, &up);
        } else if (b == 0xF1 || b == 0xD1) {
            o += (size_t)tu_utf8_encode(b == 0xF1 ? 0x111 : 0x110, (unsigned char *)(out + o));
            i++;
            continue;
        } else if (info[b].single >= 0) {
            v = singles[(int)info[b].single].v;
            tone = singles[(int)info[b].single].tone;
            up = info[b].up;
            mod_done = 1;
        } else {
            o += (size_t)tu_utf8_encode(latin(b, &bad), (unsigned char *)(out + o));
            i++;
            continue;
        }
        i++;
        if (v < 0) {                 /* ASCII consonant or symbol */
            out[o++] = (char)b;
            continue;
        }
        /* Up to two mark bytes: a modifier (maybe with tone), then a tone. */
        for (int k = 0; k < 2 && i < n && tone == TU_T_NONE; k++) {
            int m = info[s[i]].mark;
            if (m < 0)
                break;
            int mod = marks[m].mod, t = marks[m].tone;
            if (mod != M_NONE) {
                int nv = mod_done ? -1 : mod == M_CIRC ? tu_vn_add_circumflex(v)
                                                       : tu_vn_add_breve(v);
                if (nv < 0)
                    break;
                v = nv;
                mod_done = 1;
            } else if (v == TU_V_I) {
                break;               /* toned i has its own bytes */
            }
            tone = t;
            i++;
        }
        o += (size_t)tu_utf8_encode(tu_vn_compose(v, tone, up), (unsigned char *)(out + o));
    }
    out[o] = '\0';
    if (n_invalid) *n_invalid += bad;
    return o;
}

char *tu_vni_encode(const char *in, size_t n, size_t *out_len,
                    size_t *n_unmapped)
{
    const unsigned char *s = (const unsigned char *)in;
    char *out = malloc(2 * n + 1);   /* each char of >= 1 byte -> <= 2 bytes */
    size_t o = 0, bad = 0, i = 0;
    if (!out)
        return NULL;
    while (i < n) {
        uint32_t cp;
        int v, t, up;
        i += tu_utf8_next(s + i, n - i, &cp);
        unsigned char sh;
        if (cp < 0x80) { out[o++] = (char)cp; continue; }
        if (cp == 0x111 || cp == 0x110) {
            out[o++] = (char)(cp == 0x111 ? 0xF1 : 0xD1);
            continue;
        }
        if (!tu_vn_decompose(cp, &v, &t, &up)) {
            /* 0xA0..0xBF are Latin-1 in the VNI fonts too. */
            unsigned char b = cp >= 0xA0 && cp <= 0xBF ? (unsigned char)cp : 0;
            for (unsigned c = 0x80; c < 0xA0; c++)
                if (tu_cp1252_c1((unsigned char)c) == cp) b = (unsigned char)c;
            if (!b) { b = '?'; bad++; }
            out[o++] = (char)b;
            continue;
        }
        sh = up ? 0x20 : 0;
        int done = 0;
        for (size_t k = 0; k < N_SINGLES && !done; k++)
            if (singles[k].v == v && singles[k].tone == t) {
                out[o++] = (char)(singles[k].b - sh);
                done = 1;
            }
        if (done)
            continue;
        int mod = M_NONE, base = v;
        switch (v) {
        case TU_V_AA: base = TU_V_A; mod = M_CIRC; break;
        case TU_V_EE: base = TU_V_E; mod = M_CIRC; break;
        case TU_V_OO: base = TU_V_O; mod = M_CIRC; break;
        case TU_V_AW: base = TU_V_A; mod = M_BREVE; break;
        default: break;
        }
        if (v == TU_V_OW || v == TU_V_UW)   /* ơ ư + tone byte */
            out[o++] = (char)((v == TU_V_OW ? 0xF4 : 0xF6) - sh);
        else
            out[o++] = (char)tu_vn_compose(base, TU_T_NONE, up);
        if (mod == M_NONE && t == TU_T_NONE)
            continue;
        for (size_t k = 0; k < N_MARKS; k++)
            if (marks[k].mod == mod && marks[k].tone == t) {
                out[o++] = (char)(marks[k].b - sh);
                break;
            }
    }
    out[o] = '\0';
    if (out_len) *out_len = o;
    if (n_unmapped) *n_unmapped += bad;
    return out;
}
