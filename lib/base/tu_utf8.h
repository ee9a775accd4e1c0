/* Internal: the one UTF-8 decoder and encoder of libtracuu.  No allocation, no state. */
#ifndef TU_UTF8_H
#define TU_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at S (N > 0 bytes available).  On success returns
 * its byte length (1..4) and stores it in *CP.  If the bytes there are not
 * valid UTF-8 (overlong, surrogate, > U+10FFFF, truncated, stray
 * continuation byte), returns minus the length of the maximal invalid
 * subpart (1..3), the unit that Unicode's "best practice" (ch. 3.9) replaces
 * by one U+FFFD; *CP is then untouched. */
static inline int tu_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2)
        return -1;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return -1;
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
        if (n < 2 || s[1] < lo || s[1] > hi)
            return -1;
        if (n < 3 || (s[2] & 0xC0) != 0x80)
            return -2;
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
              (s[2] & 0x3F);
        return 3;
    }
    if (c < 0xF5) {
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
        if (n < 2 || s[1] < lo || s[1] > hi)
            return -1;
        if (n < 3 || (s[2] & 0xC0) != 0x80)
            return -2;
        if (n < 4 || (s[3] & 0xC0) != 0x80)
            return -3;
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
              ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return -1;
}

/* Lenient stepping: the code point at S (N > 0 bytes) into *CP and its
 * length; an invalid sequence gives *CP = U+FFFD and length 1. */
static inline size_t tu_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    int r = tu_utf8_decode(s, n, cp);
    if (r < 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)r;
}

/* 1 if the N bytes at S are strictly valid UTF-8 (base/utf8.c). */
int tu_utf8_check(const unsigned char *s, size_t n);

/* Where to cut S (LEN bytes) to at most N bytes without splitting a
 * character: LEN if N >= LEN, else the largest N' <= N at a character
 * boundary.  Never reads past S[LEN - 1]. */
static inline size_t tu_utf8_floor(const char *s, size_t len, size_t n)
{
    if (n >= len)
        return len;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* Encode CP (a valid scalar value) at D, which has room for 4 bytes.
 * Returns the number of bytes written. */
static inline int tu_utf8_encode(uint32_t cp, unsigned char *d)
{
    if (cp < 0x80) {
        d[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (unsigned char)(0xC0 | (cp >> 6));
        d[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (unsigned char)(0xE0 | (cp >> 12));
        d[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (unsigned char)(0xF0 | (cp >> 18));
    d[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
