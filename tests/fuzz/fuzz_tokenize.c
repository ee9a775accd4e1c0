/* Fuzz target: the tokenizer on normalised text; every token must lie
 * inside the input, in order, with positions that never go back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/normalize.h"
#include "tracuu/tokenize.h"

typedef struct {
    size_t n, last_off;
    uint32_t last_pos;
} seen_t;

static int cb(const tracuu_token_t *t, void *ctx)
{
    seen_t *s = ctx;
    if (t->len == 0 || t->offset + t->len > s->n || t->pos < s->last_pos)
        abort();
    s->last_pos = t->pos;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *nfc = NULL;
    size_t n = 0;
    if (tracuu_norm_text((const char *)data, size, &nfc, &n, NULL) != TRACUU_OK)
        return 0;
    seen_t s = {n, 0, 0};
    tracuu_tokenize(nfc, n, 0, cb, &s);
    free(nfc);
    return 0;
}
