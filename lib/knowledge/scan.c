/* Word helpers of the document-knowledge parsers: see tu_scan.h. */
#include <stdlib.h>
#include <string.h>
#include "tracuu/normalize.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

int tu_scan_fold(const char *s, size_t n, char *out, size_t cap)
{
    if (cap == 0) return -1;
    int r = tracuu_norm_fold(s, n, out, cap - 1);
    if (r < 0) { out[0] = '\0'; return -1; }
    return r;
}

int tu_scan_word_is(const char *s, size_t n, const char *folded)
{
    char buf[64];
    if (n > 40) return 0;
    int r = tu_scan_fold(s, n, buf, sizeof buf);
    return r >= 0 && strcmp(buf, folded) == 0;
}

size_t tu_scan_word_end(const char *s, size_t n, size_t p)
{
    while (p < n) {
        size_t l;
        uint32_t c = tu_ch_dec(s, n, p, &l);
        if (!tu_ch_isletter(c) && !(c >= '0' && c <= '9')) break;
        p += l;
    }
    return p;
}

char *tu_scan_strndup(const char *s, size_t n)
{
    char *r = malloc(n + 1);
    if (!r) return NULL;
    if (n) memcpy(r, s, n);
    r[n] = '\0';
    return r;
}
