/* UTF-8 validation: see tu_utf8.h. */
#include <string.h>
#include "base/tu_utf8.h"

int tu_utf8_check(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* Fast path over ASCII, eight bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] < 0x80) { i++; continue; }
        uint32_t cp;
        size_t len = tu_utf8_next(s + i, n - i, &cp);
        if (len == 1)
            return 0;  /* a non-ASCII byte read alone is always invalid */
        i += len;
    }
    return 1;
}
