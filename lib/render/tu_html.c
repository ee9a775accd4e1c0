/* tu_html: HTML escaping (see tu_html.h). */
#include "render/tu_html.h"

#include <string.h>
#include "base/tu_utf8.h"

/* Besides the five special characters, the page stays valid UTF-8 and free
 * of control characters whatever the value holds (a file name in a legacy
 * encoding, say): an invalid sequence becomes U+FFFD, a control character
 * other than tab and line breaks a space. */
int tu_html_escape(tu_buf_t *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0;   /* start of the bytes not yet copied */
    for (size_t i = 0; i < n;) {
        const char *rep;
        size_t skip = 1;
        unsigned char c = u[i];
        if (c >= 0x80) {
            uint32_t cp;
            int l = tu_utf8_decode(u + i, n - i, &cp);
            if (l > 0) {
                i += (size_t)l;
                continue;
            }
            rep = "\xEF\xBF\xBD";
            skip = (size_t)-l;
        } else {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                    rep = " ";
                    break;
                }
                i++;
                continue;
            }
        }
        tu_buf_add(b, s + run, i - run);
        tu_buf_adds(b, rep);
        i += skip;
        run = i;
    }
    return tu_buf_add(b, s + run, n - run);
}

int tu_html_escapes(tu_buf_t *b, const char *s)
{
    return s ? tu_html_escape(b, s, strlen(s)) : (b->failed ? -1 : 0);
}
