/* tracuu: character helpers of the document-knowledge parsers.  Only the
 * Latin letters Vietnamese uses need case here (ASCII, Latin-1, Latin
 * Extended-A, Ơ/Ư, Latin Extended Additional); everything else is "not a
 * letter" for the parsers, which is what they need. */
#include <stdlib.h>
#include <string.h>
#include "tracuu/normalize.h"
#include "knowledge/tu_meta.h"

uint32_t tu_m_dec(const char *s, size_t n, size_t p, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s + p;
    size_t left = n - p, need;
    uint32_t c;
    *len = 1;
    if (p >= n) return 0;
    if (u[0] < 0x80) return u[0];
    if ((u[0] & 0xE0) == 0xC0) { need = 2; c = u[0] & 0x1F; }
    else if ((u[0] & 0xF0) == 0xE0) { need = 3; c = u[0] & 0x0F; }
    else if ((u[0] & 0xF8) == 0xF0) { need = 4; c = u[0] & 0x07; }
    else return 0xFFFD;
    if (left < need) return 0xFFFD;
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0xFFFD;
        c = (c << 6) | (u[i] & 0x3F);
    }
    *len = need;
    return c;
}

uint32_t tu_m_prev(const char *s, size_t p, size_t *len)
{
    size_t q = p, l;
    *len = 1;
    if (p == 0) return 0;
    while (q > 0 && p - q < 4 && ((unsigned char)s[q - 1] & 0xC0) == 0x80)
        q--;
    if (q == 0) return 0xFFFD;
    q--;
    uint32_t c = tu_m_dec(s, p, q, &l);
    if (q + l != p) return 0xFFFD;
    *len = l;
    return c;
}

int tu_m_isletter(uint32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return c >= 0x1E00 && c <= 0x1EFF;
}

int tu_m_isupper(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) return (c & 1) == 0;
    if (c == 0x1A0 || c == 0x1AF) return 1;
    if (c >= 0x1E00 && c <= 0x1EFF) return (c & 1) == 0;
    return 0;
}

int tu_m_islower(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
    if (c >= 0x100 && c <= 0x17F) return (c & 1) == 1;
    if (c == 0x1A1 || c == 0x1B0) return 1;
    if (c >= 0x1E00 && c <= 0x1EFF) return (c & 1) == 1;
    return 0;
}

uint32_t tu_m_tolower(uint32_t c)
{
    if (!tu_m_isupper(c)) return c;
    if (c < 0x100) return c + 32;
    return c + 1;
}

uint32_t tu_m_toupper(uint32_t c)
{
    if (!tu_m_islower(c) || c == 0xDF || c == 0xFF) return c;
    if (c < 0x100) return c - 32;
    return c - 1;
}

size_t tu_m_enc(uint32_t c, char *out)
{
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

int tu_m_fold(const char *s, size_t n, char *out, size_t cap)
{
    if (cap == 0) return -1;
    int r = tracuu_norm_fold(s, n, out, cap - 1);
    if (r < 0) { out[0] = '\0'; return -1; }
    return r;
}

int tu_m_word_is(const char *s, size_t n, const char *folded)
{
    char buf[64];
    if (n > 40) return 0;
    int r = tu_m_fold(s, n, buf, sizeof buf);
    return r >= 0 && strcmp(buf, folded) == 0;
}

size_t tu_m_word_end(const char *s, size_t n, size_t p)
{
    while (p < n) {
        size_t l;
        uint32_t c = tu_m_dec(s, n, p, &l);
        if (!tu_m_isletter(c) && !(c >= '0' && c <= '9')) break;
        p += l;
    }
    return p;
}

char *tu_m_strndup(const char *s, size_t n)
{
    char *r = malloc(n + 1);
    if (!r) return NULL;
    if (n) memcpy(r, s, n);
    r[n] = '\0';
    return r;
}
