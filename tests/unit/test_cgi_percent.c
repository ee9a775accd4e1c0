/* tu_percent_decode: %XX and '+' decoding, and its failures. */
#include "tu_test.h"
#include "render/tu_url.h"

static char out[256];
static size_t n;

static int dec(const char *s, int plus)
{
    n = 12345;
    return tu_percent_decode(s, strlen(s), plus, out, &n);
}

void tu_test_main(void)
{
    CHECK_INT(dec("", 1), 0);
    CHECK_STR(out, "");
    CHECK_INT(n, 0);
    CHECK_INT(dec("abc", 1), 0);
    CHECK_STR(out, "abc");
    CHECK_INT(dec("dan+van+kheo", 1), 0);
    CHECK_STR(out, "dan van kheo");
    CHECK_INT(dec("a+b", 0), 0);
    CHECK_STR(out, "a+b");
    CHECK_INT(dec("%2B%2b", 1), 0);
    CHECK_STR(out, "++");
    CHECK_INT(dec("D%C3%A2n+v%E1%BA%ADn", 1), 0);
    CHECK_STR(out, "Dân vận");
    CHECK_INT(n, strlen("Dân vận"));
    CHECK_INT(dec("%3Cscript%3E", 1), 0);
    CHECK_STR(out, "<script>");
    CHECK_INT(dec("100%25", 1), 0);
    CHECK_STR(out, "100%");

    /* %00 decodes to a NUL byte, counted in the length */
    CHECK_INT(dec("a%00b", 1), 0);
    CHECK_INT(n, 3);
    CHECK(out[1] == '\0' && out[2] == 'b');

    /* malformed */
    CHECK_INT(dec("%", 1), -1);
    CHECK_INT(dec("a%", 1), -1);
    CHECK_INT(dec("%4", 1), -1);
    CHECK_INT(dec("%4g", 1), -1);
    CHECK_INT(dec("%g4", 1), -1);
    CHECK_INT(dec("%%41", 1), -1);
    CHECK_INT(dec("abc%2", 1), -1);

    /* only N bytes are read: a '%' right at the end of the slice fails
     * even when valid hex follows outside it */
    n = 0;
    CHECK_INT(tu_percent_decode("%41", 2, 1, out, &n), -1);
    CHECK_INT(tu_percent_decode("%41zz", 3, 1, out, &n), 0);
    CHECK_STR(out, "A");
}
