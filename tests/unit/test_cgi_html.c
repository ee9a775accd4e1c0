/* tu_html: escaping for HTML text and double-quoted attributes. */
#include "tu_test.h"
#include "render/tu_html.h"

#include <stdlib.h>

static char *esc(const char *s)
{
    tu_buf_t b;
    tu_buf_init(&b, 1024);
    tu_html_escapes(&b, s);
    return tu_buf_take(&b, NULL);
}

#define CHECK_ESC(in, want) do { char *g = esc(in); CHECK_STR(g, want); \
    free(g); } while (0)

void tu_test_main(void)
{
    CHECK_ESC("", "");
    CHECK_ESC("Dân vận khéo", "Dân vận khéo");
    CHECK_ESC("<script>alert(1)</script>",
              "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK_ESC("\" onmouseover=\"x", "&quot; onmouseover=&quot;x");
    CHECK_ESC("it's", "it&#39;s");
    CHECK_ESC("a&b", "a&amp;b");
    CHECK_ESC("&amp;", "&amp;amp;");
    CHECK_ESC("<<>>", "&lt;&lt;&gt;&gt;");
    CHECK_ESC("25-NQ/TW & 16/CT-TTg", "25-NQ/TW &amp; 16/CT-TTg");

    /* bytes after a NUL inside the length are escaped too; control
     * characters become spaces, invalid UTF-8 U+FFFD: the page stays valid */
    tu_buf_t b;
    tu_buf_init(&b, 64);
    CHECK_INT(tu_html_escape(&b, "a<\0>", 4), 0);
    CHECK_INT(b.len, 10);
    CHECK(memcmp(b.p, "a&lt; &gt;", 10) == 0);
    tu_buf_free(&b);
    CHECK_ESC("b\xb8o c\xb8o", "b\xEF\xBF\xBDo c\xEF\xBF\xBDo");   /* TCVN3 file name */
    CHECK_ESC("x\xe1\xbby", "x\xEF\xBF\xBDy");                       /* truncated */
    CHECK_ESC("Đảng ủy\ttab\x1b", "Đảng ủy\ttab ");

    /* NULL appends nothing */
    tu_buf_init(&b, 64);
    CHECK_INT(tu_html_escapes(&b, NULL), 0);
    CHECK_INT(b.len, 0);
    tu_buf_free(&b);

    /* the buffer maximum holds: escaping expands, and fails past it */
    tu_buf_init(&b, 8);
    CHECK_INT(tu_html_escapes(&b, "<<<"), -1);
    CHECK(b.failed);
    tu_buf_free(&b);
}
