/* cgi_link: the relative links of the CGI's pages. */
#include "tu_test.h"
#include <stdlib.h>
#include "../../search/cgi/cgi_link.c"

static char *url(const cgi_link_t *l, int as_href)
{
    tu_buf_t b;
    tu_buf_init(&b, 4096);
    if (as_href)
        cgi_link_href(&b, l);
    else
        cgi_link_url(&b, l);
    return tu_buf_take(&b, NULL);
}

#define CHECK_URL(l, href, want) do { char *got_ = url(l, href); \
    CHECK_STR(got_, want); free(got_); } while (0)

void tu_test_main(void)
{
    cgi_link_t l;
    memset(&l, 0, sizeof l);
    CHECK_URL(&l, 0, "?");
    l.q = "dân vận";
    CHECK_URL(&l, 0, "?q=d%C3%A2n+v%E1%BA%ADn");
    l.type = "NQ";
    l.year = 2023;
    l.page = 2;
    l.sort_by_date = 1;
    CHECK_URL(&l, 0, "?q=d%C3%A2n+v%E1%BA%ADn&type=NQ&year=2023&sort=date"
                     "&page=2");
    CHECK_URL(&l, 1, "?q=d%C3%A2n+v%E1%BA%ADn&amp;type=NQ&amp;year=2023"
                     "&amp;sort=date&amp;page=2");
    memset(&l, 0, sizeof l);
    l.doc = 7;
    l.q = "\"><script>alert(1)</script>";
    CHECK_URL(&l, 1, "?doc=7&amp;q=%22%3E%3Cscript%3Ealert%281%29"
                     "%3C%2Fscript%3E");
    memset(&l, 0, sizeof l);
    l.model = "javascript:alert(1)";
    l.issuer = "a&b";
    l.json = 1;
    l.page = 1;   /* page 1 is left out */
    CHECK_URL(&l, 0, "?issuer=a%26b&model=javascript%3Aalert%281%29"
                     "&format=json");

    cgi_params_t p;
    memset(&p, 0, sizeof p);
    char q[] = "x", model[] = "m";
    p.q = q;
    p.model = model;
    p.page = 5;
    p.doc = 3;
    p.year = 2024;
    l = cgi_link_from(&p);
    CHECK_URL(&l, 0, "?q=x&year=2024&model=m");   /* no page, no doc */
    p.like = 12;
    p.as_typed = 1;
    l = cgi_link_from(&p);
    CHECK_URL(&l, 0, "?like=12&q=x&dunggo=1&year=2024&model=m");
}
