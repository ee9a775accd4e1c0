/* Path containment and printable file names (see tu_path.h). */
#include "base/tu_path.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "base/tu_buf.h"
#include "base/tu_utf8.h"

int tu_path_under(const char *real, const char *root)
{
    if (!real || !root || !*root)
        return 0;
    size_t l = strlen(root);
    while (l > 1 && root[l - 1] == '/')
        l--;
    if (l == 1 && root[0] == '/')
        return real[0] == '/';
    return strncmp(real, root, l) == 0 && (real[l] == '\0' || real[l] == '/');
}

int tu_path_under_any(const char *real, const char *const *roots, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (roots[i] && tu_path_under(real, roots[i]))
            return 1;
    return 0;
}

int tu_path_contained(const char *path, const char *const *roots, size_t n,
                      char *real)
{
    char buf[PATH_MAX];
    char *r = real ? real : buf;
    if (!realpath(path, r))
        return TU_MISSING;
    return tu_path_under_any(r, roots, n) ? TU_CONTAINED : TU_OUTSIDE;
}

char *tu_name_escape(const char *name)
{
    tu_buf_t b;
    tu_buf_init(&b, (size_t)1 << 20);
    const unsigned char *s = (const unsigned char *)(name ? name : "");
    size_t n = strlen((const char *)s);
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0;
        int r = tu_utf8_decode(s + i, n - i, &cp);
        size_t l = r > 0 ? (size_t)r : 0;
        if (l == 0) {
            tu_buf_printf(&b, "\\x%02X", s[i]);
            i++;
            continue;
        }
        if (cp == '\\')
            tu_buf_adds(&b, "\\\\");
        else if (cp == '\n')
            tu_buf_adds(&b, "\\n");
        else if (cp == '\r')
            tu_buf_adds(&b, "\\r");
        else if (cp == '\t')
            tu_buf_adds(&b, "\\t");
        else if (cp == 0x1B)
            tu_buf_adds(&b, "\\e");
        else if (cp < 0x20 || cp == 0x7F)
            tu_buf_printf(&b, "\\x%02X", (unsigned)cp);
        else if (cp >= 0x80 && cp <= 0x9F)   /* C1 controls (CSI is U+009B) */
            tu_buf_printf(&b, "\\u%04X", (unsigned)cp);
        else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
            tu_buf_printf(&b, "\\u%04X", (unsigned)cp);  /* line and paragraph separators */
        else
            tu_buf_add(&b, s + i, l);
        i += l;
    }
    return tu_buf_take(&b, NULL);
}

void tu_report(FILE *f, const char *prog, const char *name, const char *fmt, ...)
{
    char *esc = tu_name_escape(name);
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *emsg = tu_name_escape(msg);   /* messages may quote names too */
    fprintf(f, "%s: %s: %s\n", prog, esc ? esc : "(file name)", emsg ? emsg : msg);
    free(esc);
    free(emsg);
}
