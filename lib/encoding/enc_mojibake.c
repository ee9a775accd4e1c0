/* Mojibake repair: text that was UTF-8, read by some program as
 * Windows-1252 (or Windows-1258) and written out again as UTF-8, once or
 * twice ("Ä‘á»•i má»›i" for "đổi mới").  Each layer is undone by writing
 * the characters back as the single bytes of that code page; a candidate
 * is kept only if the bytes are valid UTF-8 again and read clearly better
 * as Vietnamese (tracuu_vn_score, the detector's own syllable scoring).
 * Genuine Vietnamese fails at its first letter outside the code page
 * (ệ, ố ...), so the common case costs little. */
#include "encoding/tu_encoders.h"
#include "base/tu_utf8.h"
#include "tracuu/encoding.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE 65536
#define MARGIN 0.15

static uint32_t cp1258[128];   /* bytes 0x80..0xFF -> code point (0: none) */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_1258(void)
{
    for (unsigned b = 0x80; b < 0x100; b++) {
        char in[2] = {(char)b, 0};
        char *out = NULL;
        size_t n = 0, bad = 0;
        uint32_t cp = 0;
        if (tracuu_decode(in, 1, NULL, "WINDOWS-1258", &out, &n, NULL, &bad) ==
                TRACUU_OK && !bad && n &&
            tu_utf8_next((const unsigned char *)out, n, &cp) == n)
            cp1258[b - 0x80] = cp;
        free(out);
    }
}

/* The byte for CP in Windows-1252 (or, with W1258, Windows-1258), else
 * -1.  Code points below 0x100 stand for themselves (Latin-1 readers, and
 * the five bytes Windows-1252 leaves undefined). */
static int byte_of(uint32_t cp, int w1258)
{
    if (w1258) {
        for (unsigned i = 0; i < 128; i++)
            if (cp1258[i] == cp)
                return (int)(0x80 + i);
        return cp < 0x80 ? (int)cp : -1;
    }
    if (cp < 0x100)
        return (int)cp;
    for (unsigned c = 0x80; c < 0xA0; c++)
        if (tu_cp1252_c1((unsigned char)c) == cp)
            return (int)c;
    return -1;
}

/* One layer undone: S (UTF-8) back to the bytes it was read from; NULL if
 * a character is not in the code page or the bytes are not UTF-8. */
static char *unwrap(const char *s, size_t n, int w1258, size_t *out_n)
{
    const unsigned char *u = (const unsigned char *)s;
    char *out = malloc(n + 1);
    size_t i = 0, o = 0;
    int high = 0;
    if (!out)
        return NULL;
    while (i < n) {
        uint32_t cp;
        size_t len = tu_utf8_next(u + i, n - i, &cp);
        int b = len ? byte_of(cp, w1258) : -1;
        if (b < 0 || (len == 1 && u[i] >= 0x80)) {
            free(out);
            return NULL;
        }
        high |= b >= 0x80;
        out[o++] = (char)b;
        i += len;
    }
    out[o] = '\0';
    if (!high || !tu_utf8_check((const unsigned char *)out, o)) {
        free(out);
        return NULL;
    }
    *out_n = o;
    return out;
}

static double score(const char *s, size_t n)
{
    return tracuu_vn_score(s, tu_utf8_floor(s, n, SAMPLE));
}

char *tu_mojibake_repair(const char *s, size_t n, size_t *out_n, int *layers)
{
    pthread_once(&once, init_1258);
    /* Cheap test on the sample first: a layer must undo there. */
    size_t m = tu_utf8_floor(s, n, SAMPLE);
    double best = score(s, n) + MARGIN;
    int best_w[2] = {-1, -1}, best_layers = 0;
    for (int a = 0; a < 2; a++) {
        size_t l1;
        char *one = unwrap(s, m, a, &l1);
        if (!one)
            continue;
        double sc = score(one, l1);
        if (sc > best) {
            best = sc;
            best_w[0] = a;
            best_layers = 1;
        }
        for (int b = 0; b < 2; b++) {
            size_t l2;
            char *two = unwrap(one, l1, b, &l2);
            if (!two)
                continue;
            double sc2 = score(two, l2);
            if (sc2 > best) {
                best = sc2;
                best_w[0] = a;
                best_w[1] = b;
                best_layers = 2;
            }
            free(two);
        }
        free(one);
    }
    if (!best_layers)
        return NULL;
    /* The whole text, layer by layer. */
    size_t l1 = 0, l2 = 0;
    char *one = unwrap(s, n, best_w[0], &l1);
    if (!one || best_layers == 1) {
        *out_n = l1;
        *layers = 1;
        return one;
    }
    char *two = unwrap(one, l1, best_w[1], &l2);
    free(one);
    if (!two)
        return NULL;
    *out_n = l2;
    *layers = 2;
    return two;
}
