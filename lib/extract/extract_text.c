/* Plain text: the bytes, decoded to UTF-8 with tracuu_decode. */
#include "tracuu/encoding.h"
#include "extract/tu_extractors.h"

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
    /* No more than twice the text cap is read (UTF-16 halves); what
     * decodes to more is cut to the cap by tracuu_extract_file. */
    size_t cap = src->opts->max_text_bytes;
    cap = cap > ((size_t)-1) / 2 - 1 ? ((size_t)-1) / 2 - 1 : cap * 2;
    char *buf = NULL;
    size_t n = 0;
    tracuu_status_t st = tu_extract_read_all(src, cap, &buf, &n, errmsg);
    if (st != TRACUU_OK)
        return st;
    st = tu_extract_decode_into(buf, n, useful_hint(src->charset), src->opts,
                                x, errmsg);
    free(buf);
    if (st == TRACUU_OK && src->size > cap)
        tu_extract_warnf(x, "only the first %zu bytes of the file read", cap);
    return st;
}
