/* Plain text: the bytes, decoded to UTF-8 with tracuu_decode. */
#include "tracuu/encoding.h"
#include "tu_extract.h"

#include <stdlib.h>
#include <strings.h>

/* libmagic's charset is a hint only when it is a Unicode form: its
 * "iso-8859-1" is said of any 8-bit text, TCVN3 and VNI included, and
 * must not stop the decoder from scoring the candidates. */
static const char *useful_hint(const char *charset)
{
    if (charset && strncasecmp(charset, "utf-", 4) == 0)
        return charset;
    return NULL;
}

tracuu_status_t tu_extract_text(const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    char *buf = NULL;
    size_t n = 0;
    tracuu_status_t st = tu_extract_read_all(src, &buf, &n, errmsg);
    if (st != TRACUU_OK)
        return st;
    st = tu_extract_decode_into(buf, n, useful_hint(src->charset), src->opts,
                                x, errmsg);
    free(buf);
    return st;
}
