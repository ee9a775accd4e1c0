/* Fuzz target: legacy encodings and detection (tracuu_decode), with and
 * without a hint or a forced encoding chosen by the first byte. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/encoding.h"
#include "tracuu/normalize.h"

static const char *const names[] = {NULL, "UTF-8", "TCVN3", "VNI", "VIQR",
                                    "WINDOWS-1258", "VISCII", "UTF-16LE", "UTF-16BE",
                                    "ISO-8859-1"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned sel = data[0];
    const char *hint = names[sel % 10];
    const char *force = (sel & 0x80) ? names[1 + (sel >> 4) % 8] : NULL;
    char *out = NULL;
    size_t len = 0, bad = 0;
    const char *enc = NULL;
    if (tracuu_decode((const char *)data + 1, size - 1, hint, force, &out, &len, &enc,
                      &bad) == TRACUU_OK) {
        /* the promise: valid UTF-8, NUL-terminated at len */
        if (!tracuu_utf8_valid(out, len) || out[len] != '\0')
            abort();
    }
    free(out);
    return 0;
}
