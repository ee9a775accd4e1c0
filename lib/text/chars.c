/* Code points for the knowledge scanners: see tu_chars.h. */
#include <utf8proc.h>
#include "text/tu_chars.h"
#include "base/tu_utf8.h"

uint32_t tu_ch_dec(const char *s, size_t n, size_t p, size_t *len)
{
    uint32_t c;
    *len = 1;
    if (p >= n) return 0;
    *len = tu_utf8_next((const unsigned char *)s + p, n - p, &c);
    return c;
}

uint32_t tu_ch_prev(const char *s, size_t p, size_t *len)
{
    size_t q = p, l;
    *len = 1;
    if (p == 0) return 0;
    while (q > 0 && p - q < 4 && ((unsigned char)s[q - 1] & 0xC0) == 0x80)
        q--;
    if (q == 0) return 0xFFFD;
    q--;
    uint32_t c = tu_ch_dec(s, p, q, &l);
    if (q + l != p) return 0xFFFD;
    *len = l;
    return c;
}

size_t tu_ch_enc(uint32_t c, char *out)
{
    return (size_t)tu_utf8_encode(c, (unsigned char *)out);
}

int tu_ch_isletter(uint32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return c >= 0x1E00 && c <= 0x1EFF;
}

int tu_ch_isupper(uint32_t c)
{
    return tu_ch_isletter(c) && utf8proc_isupper((utf8proc_int32_t)c);
}

int tu_ch_islower(uint32_t c)
{
    return tu_ch_isletter(c) && utf8proc_islower((utf8proc_int32_t)c);
}

uint32_t tu_ch_tolower(uint32_t c)
{
    return tu_ch_isletter(c) ? (uint32_t)utf8proc_tolower((utf8proc_int32_t)c) : c;
}

uint32_t tu_ch_toupper(uint32_t c)
{
    return tu_ch_isletter(c) ? (uint32_t)utf8proc_toupper((utf8proc_int32_t)c) : c;
}
