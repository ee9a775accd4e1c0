/* tu_qs: query-string parsing, strict UTF-8 and control characters. */
#include "tu_test.h"
#include "render/tu_qs.h"

#include <stdio.h>

static char got[1024];
static size_t got_len;

static int collect(const char *k, size_t kl, const char *v, size_t vl,
                   void *ctx)
{
    (void)kl; (void)vl;
    int *count = ctx;
    ++*count;
    int w = snprintf(got + got_len, sizeof got - got_len, "[%s|%s]", k, v);
    if (w > 0)
        got_len += (size_t)w;
    return strcmp(k, "stop") == 0 ? 7 : 0;
}

static int parse(const char *qs, size_t max, int *count, size_t *pos)
{
    got[0] = '\0';
    got_len = 0;
    *count = 0;
    return tu_qs_parse(qs, max, collect, count, pos);
}

void tu_test_main(void)
{
    int c;
    size_t pos = 999;
    CHECK_INT(parse(NULL, 16, &c, &pos), TU_QS_OK);
    CHECK_INT(c, 0);
    CHECK_INT(parse("", 16, &c, &pos), TU_QS_OK);
    CHECK_INT(c, 0);
    CHECK_INT(parse("q=dan+van+kheo&page=2", 16, &c, &pos), TU_QS_OK);
    CHECK_INT(c, 2);
    CHECK_STR(got, "[q|dan van kheo][page|2]");
    CHECK_INT(parse("a=1&&b=&c;d=x%3Dy", 16, &c, &pos), TU_QS_OK);
    CHECK_STR(got, "[a|1][b|][c|][d|x=y]");
    CHECK_INT(parse("q=a=b", 16, &c, &pos), TU_QS_OK);
    CHECK_STR(got, "[q|a=b]");
    CHECK_INT(parse("q=%C4%90%E1%BA%A3ng+%E1%BB%A7y", 16, &c, &pos), TU_QS_OK);
    CHECK_STR(got, "[q|Đảng ủy]");
    CHECK_INT(parse("q=%3Cscript%3E", 16, &c, &pos), TU_QS_OK);
    CHECK_STR(got, "[q|<script>]");
    CHECK_INT(parse("q=a%09b%0Ac", 16, &c, &pos), TU_QS_OK);  /* TAB, LF ok */

    /* errors, with the offset of the bad segment */
    CHECK_INT(parse("a=1&q=%zz", 16, &c, &pos), TU_QS_BAD_PERCENT);
    CHECK_INT(pos, 4);
    CHECK_INT(c, 1);
    CHECK_INT(parse("q=%", 16, &c, &pos), TU_QS_BAD_PERCENT);
    CHECK_INT(parse("%zz=1", 16, &c, &pos), TU_QS_BAD_PERCENT);
    CHECK_INT(pos, 0);
    CHECK_INT(parse("q=%FF", 16, &c, &pos), TU_QS_BAD_UTF8);
    CHECK_INT(parse("q=%C3", 16, &c, &pos), TU_QS_BAD_UTF8);
    CHECK_INT(parse("q=%C0%AF", 16, &c, &pos), TU_QS_BAD_UTF8);  /* overlong */
    CHECK_INT(parse("q=%ED%A0%80", 16, &c, &pos), TU_QS_BAD_UTF8); /* D800 */
    CHECK_INT(parse("q=%F4%90%80%80", 16, &c, &pos), TU_QS_BAD_UTF8);
    CHECK_INT(parse("q=a%00b", 16, &c, &pos), TU_QS_CONTROL);
    CHECK_INT(parse("q=%1B", 16, &c, &pos), TU_QS_CONTROL);
    CHECK_INT(parse("q=%7F", 16, &c, &pos), TU_QS_CONTROL);
    CHECK_INT(parse("a&b&c", 2, &c, &pos), TU_QS_TOO_MANY);
    CHECK_INT(c, 2);
    CHECK_INT(pos, 4);

    /* the callback's own code stops the parse */
    CHECK_INT(parse("a=1&stop=1&b=2", 16, &c, &pos), 7);
    CHECK_INT(c, 2);
    CHECK_INT(pos, 4);

    /* more UTF-8 edge cases, through the parser */
    CHECK_INT(parse("q=%F0%9F%98%80", 16, &c, &pos), TU_QS_OK);   /* U+1F600 */
    CHECK_INT(parse("q=%F0%9F%98", 16, &c, &pos), TU_QS_BAD_UTF8); /* cut */
    CHECK_INT(parse("q=%E0%80%AF", 16, &c, &pos), TU_QS_BAD_UTF8); /* overlong */
    CHECK_INT(parse("q=%80", 16, &c, &pos), TU_QS_BAD_UTF8);
    CHECK_INT(parse("q=%F8%88%80%80%80", 16, &c, &pos), TU_QS_BAD_UTF8);
    CHECK_INT(parse("q=%C3%A9%E1%BB%87", 16, &c, &pos), TU_QS_OK);

    CHECK_STR(tu_qs_strerror(TU_QS_BAD_UTF8), "invalid UTF-8");
    CHECK_STR(tu_qs_strerror(TU_QS_BAD_PERCENT), "bad percent-encoding");
}
