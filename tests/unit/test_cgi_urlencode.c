/* tu_url_encode: query-string component encoding. */
#include "tu_test.h"
#include "render/tu_url.h"

#include <stdlib.h>

static char *enc(const char *s)
{
    tu_buf_t b;
    tu_buf_init(&b, 1024);
    tu_url_encode(&b, s, strlen(s));
    return tu_buf_take(&b, NULL);
}

#define CHECK_ENC(in, want) do { char *g = enc(in); CHECK_STR(g, want); \
    free(g); } while (0)

void tu_test_main(void)
{
    CHECK_ENC("", "");
    CHECK_ENC("abcXYZ019-._~", "abcXYZ019-._~");
    CHECK_ENC("dan van kheo", "dan+van+kheo");
    CHECK_ENC("a+b", "a%2Bb");
    CHECK_ENC("a&b=c", "a%26b%3Dc");
    CHECK_ENC("25-NQ/TW", "25-NQ%2FTW");
    CHECK_ENC("Dân", "D%C3%A2n");
    CHECK_ENC("đ", "%C4%91");
    CHECK_ENC("\"<>'#%?", "%22%3C%3E%27%23%25%3F");
    CHECK_ENC("javascript:alert(1)", "javascript%3Aalert%281%29");
    CHECK_ENC("\n\t", "%0A%09");

    /* round trip through the decoder */
    const char *s = "Mặt trận Tổ quốc & \"DTTS\" 100%";
    char *e = enc(s);
    char out[256];
    size_t n = 0;
    CHECK_INT(tu_percent_decode(e, strlen(e), 1, out, &n), 0);
    CHECK_STR(out, s);
    CHECK_INT(n, strlen(s));
    free(e);

    /* over the buffer maximum */
    tu_buf_t b;
    tu_buf_init(&b, 5);
    CHECK_INT(tu_url_encode(&b, "ân", 3), -1);
    tu_buf_free(&b);
}
