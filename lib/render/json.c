/* JSON string escaping: see tu_json.h. */
#include <string.h>
#include "render/tu_json.h"
#include "base/tu_utf8.h"

static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    /* Length of the valid UTF-8 sequence at S, or 0 if invalid. */
    uint32_t cp;
    int l = tu_utf8_decode(s, n, &cp);
    return l > 1 ? (size_t)l : 0;
}

int tu_json_string(tu_buf_t *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    tu_buf_addc(b, '"');
    size_t run = 0;  /* start of a run of bytes copied as they are */
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        size_t seq = c >= 0x80 ? utf8_seq_len(p + i, n - i) : 0;
        if (seq) {
            i += seq;
            continue;
        }
        tu_buf_add(b, p + run, i - run);
        switch (c) {
        case '"': tu_buf_adds(b, "\\\""); break;
        case '\\': tu_buf_adds(b, "\\\\"); break;
        case '\n': tu_buf_adds(b, "\\n"); break;
        case '\r': tu_buf_adds(b, "\\r"); break;
        case '\t': tu_buf_adds(b, "\\t"); break;
        default:
            if (c < 0x20) {
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                tu_buf_add(b, u, 6);
            } else {
                tu_buf_adds(b, "\xEF\xBF\xBD");  /* invalid byte: U+FFFD */
            }
        }
        i++;
        run = i;
    }
    tu_buf_add(b, p + run, n - run);
    return tu_buf_addc(b, '"');
}

int tu_json_str(tu_buf_t *b, const char *s)
{
    return s ? tu_json_string(b, s, strlen(s)) : tu_buf_adds(b, "null");
}
