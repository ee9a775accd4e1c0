/* Fuzz target: document knowledge on any text: numbers, dates, models,
 * abbreviations (tracuu_meta_extract), a number as typed
 * (tracuu_ref_parse) and model keys. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/meta.h"
#include "tracuu/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *nfc = NULL;
    size_t n = 0;
    if (tracuu_norm_text((const char *)data, size, &nfc, &n, NULL) != TRACUU_OK)
        return 0;
    tracuu_meta_t m;
    memset(&m, 0, sizeof m);
    if (tracuu_meta_extract(nfc, n, &m) == TRACUU_OK) {
        for (size_t i = 0; i < m.n_refs; i++)
            if (!tracuu_utf8_valid(m.refs[i].ref, strlen(m.refs[i].ref)))
                abort();
        for (size_t i = 0; i < m.n_models; i++) {
            char *k = tracuu_model_key(m.models[i], strlen(m.models[i]));
            free(k);
        }
        tracuu_meta_clear(&m);
    }
    tracuu_ref_t r;
    memset(&r, 0, sizeof r);
    size_t cut = n < 64 ? n : 64;
    while (cut > 0 && cut < n && ((unsigned char)nfc[cut] & 0xC0) == 0x80)
        cut--;
    tracuu_ref_parse(nfc, cut, &r);
    tracuu_ref_clear(&r);
    free(nfc);
    return 0;
}
