/* cgi_mark: highlight spans over escaped text. */
#include "tu_test.h"
#include "../../search/cgi/cgi_mark.c"

static char *mark(const char *s, const tracuu_span_t *hl, size_t n)
{
    tu_buf_t b;
    tu_buf_init(&b, 4096);
    cgi_html_marked(&b, s, strlen(s), hl, n);
    return tu_buf_take(&b, NULL);
}

#define CHECK_MARK(s, hl, n, want) do { char *got_ = mark(s, hl, n); \
    CHECK_STR(got_, want); free(got_); } while (0)

void tu_test_main(void)
{
    const char *s = "Dân vận khéo <b>";
    CHECK_MARK(s, NULL, 0, "Dân vận khéo &lt;b&gt;");
    tracuu_span_t one[] = { { 0, 4 } };                 /* "Dân" */
    CHECK_MARK(s, one, 1, "<mark>Dân</mark> vận khéo &lt;b&gt;");
    tracuu_span_t two[] = { { 17, 3 }, { 5, 5 } };      /* unsorted */
    CHECK_MARK(s, two, 2, "Dân <mark>vận</mark> khéo <mark>&lt;b&gt;</mark>");
    tracuu_span_t ovl[] = { { 0, 6 }, { 2, 8 } };       /* overlapping */
    CHECK_MARK(s, ovl, 2, "<mark>Dân vận</mark> khéo &lt;b&gt;");
    tracuu_span_t adj[] = { { 0, 4 }, { 4, 1 } };       /* touching: merged */
    CHECK_MARK(s, adj, 2, "<mark>Dân </mark>vận khéo &lt;b&gt;");
    tracuu_span_t gap[] = { { 11, 5 }, { 0, 4 }, { 5, 5 } };  /* one space */
    CHECK_MARK(s, gap, 3, "<mark>Dân vận khéo</mark> &lt;b&gt;");
    const char *wide = "Dân    vận";                        /* four spaces */
    tracuu_span_t far[] = { { 0, 4 }, { 8, 5 } };
    CHECK_MARK(wide, far, 2, "<mark>Dân</mark>    <mark>vận</mark>");
    tracuu_span_t out[] = { { 100, 3 }, { 19, 100 } };  /* clipped / dropped */
    CHECK_MARK(s, out, 2, "Dân vận khéo &lt;b<mark>&gt;</mark>");
    tracuu_span_t mid[] = { { 2, 1 } };                 /* inside "â" */
    CHECK_MARK(s, mid, 1, "Dân vận khéo &lt;b&gt;");
    tracuu_span_t cut[] = { { 0, 2 } };                 /* ends inside "â" */
    CHECK_MARK(s, cut, 1, "<mark>Dâ</mark>n vận khéo &lt;b&gt;");
    tracuu_span_t zero[] = { { 3, 0 } };
    CHECK_MARK(s, zero, 1, "Dân vận khéo &lt;b&gt;");
}
