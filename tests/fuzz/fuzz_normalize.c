/* Fuzz target: NFC, fold, exact key, marks and syllable checks on any
 * bytes (tracuu/normalize.h); the results must be valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    char *nfc = NULL;
    size_t n = 0, bad = 0;
    if (tracuu_norm_text(s, size, &nfc, &n, &bad) == TRACUU_OK) {
        if (!tracuu_utf8_valid(nfc, n))
            abort();
        char out[256];
        size_t w = n < 200 ? n : 200;
        while (w > 0 && ((unsigned char)nfc[w] & 0xC0) == 0x80)
            w--;   /* a whole character */
        int k = tracuu_norm_fold(nfc, w, out, sizeof out);
        if (k > 0 && !tracuu_utf8_valid(out, (size_t)k))
            abort();
        k = tracuu_norm_exact(nfc, w, out, sizeof out);
        if (k > 0 && !tracuu_utf8_valid(out, (size_t)k))
            abort();
        tracuu_has_marks(nfc, w);
        tracuu_is_vn_syllable(nfc, w);
    }
    free(nfc);
    /* the raw bytes too: never trust the caller */
    char out[64];
    tracuu_norm_fold(s, size < 48 ? size : 48, out, sizeof out);
    tracuu_norm_exact(s, size < 48 ? size : 48, out, sizeof out);
    return 0;
}
