/* Fuzz target: the HTML extractor from bytes (decoding with the page's
 * declared charset, libxml2, our tree walk). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "extract/tu_extractors.h"
#include "tracuu/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tracuu_extract_opts_t o;
    memset(&o, 0, sizeof o);
    o.max_file_bytes = 1 << 20;
    o.max_text_bytes = 1 << 16;   /* small: the truncation path too */
    o.helper_timeout_s = 1;
    tracuu_extract_t x;
    memset(&x, 0, sizeof x);
    char *err = NULL;
    if (tu_extract_html_bytes((const char *)data, size, NULL, &o, &x, &err) == TRACUU_OK &&
        (!tracuu_utf8_valid(x.text, x.len) || x.len > o.max_text_bytes))
        abort();
    free(err);
    tracuu_extract_clear(&x);
    return 0;
}
