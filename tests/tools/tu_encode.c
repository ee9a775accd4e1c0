/* Test tool: tu_encode ENCODING < utf8 > encoded
 * Writes standard input (UTF-8, NFC) in TCVN3, VNI or VIQR with the
 * library's own encoders, for the integration tests that need legacy
 * Vietnamese files.  Exit 0 on success, 1 if a character could not be
 * encoded (the output is still written, with '?'), 2 on bad usage or
 * a read/write error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "encoding/tu_encoders.h"

#define MAX_INPUT (64u << 20)

typedef char *(*encoder_fn)(const char *, size_t, size_t *, size_t *);

static encoder_fn pick(const char *name)
{
    if (strcasecmp(name, "TCVN3") == 0) return tu_tcvn3_encode;
    if (strcasecmp(name, "VNI") == 0) return tu_vni_encode;
    if (strcasecmp(name, "VIQR") == 0) return tu_viqr_encode;
    return NULL;
}

/* All of standard input, malloc'd (caller frees), length in *N; NULL on a
 * read error, out of memory or more than MAX_INPUT bytes. */
static char *slurp(size_t *n)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (len == cap) {
            char *nb;
            if (cap >= MAX_INPUT || !(nb = realloc(buf, cap * 2))) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + len, 1, cap - len, stdin);
        len += k;
        if (k == 0)
            break;
    }
    if (ferror(stdin)) {
        free(buf);
        return NULL;
    }
    *n = len;
    return buf;
}

int main(int argc, char **argv)
{
    encoder_fn enc = argc == 2 ? pick(argv[1]) : NULL;
    if (!enc) {
        fprintf(stderr, "usage: tu_encode TCVN3|VNI|VIQR < utf8 > encoded\n");
        return 2;
    }
    size_t n = 0, out_len = 0, unmapped = 0;
    char *in = slurp(&n);
    if (!in) {
        fprintf(stderr, "tu_encode: cannot read standard input\n");
        return 2;
    }
    char *out = enc(in, n, &out_len, &unmapped);
    free(in);
    if (!out) {
        fprintf(stderr, "tu_encode: out of memory\n");
        return 2;
    }
    int rc = fwrite(out, 1, out_len, stdout) == out_len && fflush(stdout) == 0 ? 0 : 2;
    free(out);
    if (rc)
        fprintf(stderr, "tu_encode: write error\n");
    else if (unmapped) {
        fprintf(stderr, "tu_encode: %zu character(s) not in %s, written as '?'\n",
                unmapped, argv[1]);
        rc = 1;
    }
    return rc;
}
