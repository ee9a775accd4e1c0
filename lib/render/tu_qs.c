/* tu_qs: strict query-string parsing (see tu_qs.h). */
#include "render/tu_qs.h"
#include "render/tu_url.h"
#include "tracuu/normalize.h"

#include <stdlib.h>
#include <string.h>

static int clean(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            return 0;
    }
    return 1;
}

/* Decode N bytes of S into a fresh NUL-terminated buffer at *OUT. */
static int decode(const char *s, size_t n, char **out, size_t *outlen)
{
    *out = malloc(n + 1);
    if (!*out)
        return TU_QS_NOMEM;
    if (tu_percent_decode(s, n, 1, *out, outlen) != 0)
        return TU_QS_BAD_PERCENT;
    if (!tracuu_utf8_valid(*out, *outlen))
        return TU_QS_BAD_UTF8;
    if (!clean(*out, *outlen))
        return TU_QS_CONTROL;
    return TU_QS_OK;
}

int tu_qs_parse(const char *qs, size_t max_pairs, tu_qs_cb cb, void *ctx,
                size_t *errpos)
{
    size_t pairs = 0, pos = 0;
    if (!qs)
        return TU_QS_OK;
    size_t total = strlen(qs);
    while (pos < total) {
        size_t seg = strcspn(qs + pos, "&;");
        if (seg > 0) {
            const char *p = qs + pos;
            const char *eq = memchr(p, '=', seg);
            size_t kn = eq ? (size_t)(eq - p) : seg;
            size_t vn = eq ? seg - kn - 1 : 0;
            char *k = NULL, *v = NULL;
            size_t kl = 0, vl = 0;
            int rc = TU_QS_OK;
            if (++pairs > max_pairs)
                rc = TU_QS_TOO_MANY;
            if (rc == TU_QS_OK)
                rc = decode(p, kn, &k, &kl);
            if (rc == TU_QS_OK)
                rc = decode(eq ? eq + 1 : "", vn, &v, &vl);
            if (rc == TU_QS_OK)
                rc = cb(k, kl, v, vl, ctx);
            free(k);
            free(v);
            if (rc != TU_QS_OK) {
                if (errpos)
                    *errpos = pos;
                return rc;
            }
        }
        pos += seg;
        if (pos < total)
            pos++;
    }
    return TU_QS_OK;
}

const char *tu_qs_strerror(int code)
{
    switch (code) {
    case TU_QS_OK: return "no error";
    case TU_QS_BAD_PERCENT: return "bad percent-encoding";
    case TU_QS_BAD_UTF8: return "invalid UTF-8";
    case TU_QS_CONTROL: return "control character";
    case TU_QS_TOO_MANY: return "too many parameters";
    case TU_QS_NOMEM: return "out of memory";
    default: return "rejected parameter";
    }
}
