/* tu_url: URL encoding and percent decoding (see tu_url.h). */
#include "render/tu_url.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int tu_url_encode(tu_buf_t *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~')
            continue;
        tu_buf_add(b, s + run, i - run);
        if (c == ' ') {
            tu_buf_add(b, "+", 1);
        } else {
            char e[3] = { '%', hex[c >> 4], hex[c & 15] };
            tu_buf_add(b, e, 3);
        }
        run = i + 1;
    }
    return tu_buf_add(b, s + run, n - run);
}

int tu_percent_decode(const char *s, size_t n, int plus_space, char *out,
                      size_t *outlen)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%') {
            if (n - i < 3)
                return -1;
            int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0)
                return -1;
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else if (plus_space && s[i] == '+') {
            out[o++] = ' ';
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    *outlen = o;
    return 0;
}
