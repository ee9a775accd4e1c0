/* tu_html: HTML escaping (see tu_html.h). */
#include "tu_html.h"

#include <string.h>

int tu_html_escape(tu_buf_t *b, const char *s, size_t n)
{
    size_t run = 0;   /* start of the bytes not yet copied */
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        tu_buf_add(b, s + run, i - run);
        tu_buf_adds(b, rep);
        run = i + 1;
    }
    return tu_buf_add(b, s + run, n - run);
}

int tu_html_escapes(tu_buf_t *b, const char *s)
{
    return s ? tu_html_escape(b, s, strlen(s)) : (b->failed ? -1 : 0);
}
