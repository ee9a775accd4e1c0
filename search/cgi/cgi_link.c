/* cgi_link: building tracuu.cgi's links (see cgi_link.h). */
#include "cgi_link.h"
#include "render/tu_html.h"
#include "render/tu_url.h"

#include <stdio.h>
#include <string.h>

cgi_link_t cgi_link_from(const cgi_params_t *p)
{
    cgi_link_t l;
    memset(&l, 0, sizeof l);
    l.q = p->q;
    l.sort_by_date = p->sort_by_date;
    l.type = p->type;
    l.issuer = p->issuer;
    l.model = p->model;
    l.year = p->year;
    l.like = p->like;
    l.as_typed = p->as_typed;
    return l;
}

static void param(tu_buf_t *b, int *first, const char *name, const char *v)
{
    if (!v || !*v)
        return;
    tu_buf_adds(b, *first ? "" : "&");
    *first = 0;
    tu_buf_adds(b, name);
    tu_buf_add(b, "=", 1);
    tu_url_encode(b, v, strlen(v));
}

int cgi_link_url(tu_buf_t *b, const cgi_link_t *l)
{
    int first = 1;
    char num[16];
    tu_buf_add(b, "?", 1);
    if (l->doc) {
        snprintf(num, sizeof num, "%u", (unsigned)l->doc);
        param(b, &first, "doc", num);
    }
    if (l->like) {
        snprintf(num, sizeof num, "%u", (unsigned)l->like);
        param(b, &first, "like", num);
    }
    param(b, &first, "q", l->q);
    if (l->as_typed)
        param(b, &first, "dunggo", "1");
    param(b, &first, "type", l->type);
    param(b, &first, "issuer", l->issuer);
    if (l->year) {
        snprintf(num, sizeof num, "%d", l->year);
        param(b, &first, "year", num);
    }
    param(b, &first, "model", l->model);
    if (l->sort_by_date)
        param(b, &first, "sort", "date");
    if (l->page > 1) {
        snprintf(num, sizeof num, "%u", (unsigned)l->page);
        param(b, &first, "page", num);
    }
    if (l->json)
        param(b, &first, "format", "json");
    return b->failed ? -1 : 0;
}

int cgi_link_href(tu_buf_t *b, const cgi_link_t *l)
{
    tu_buf_t u;
    tu_buf_init(&u, 16384);
    cgi_link_url(&u, l);
    if (u.failed)
        b->failed = 1;
    else
        tu_html_escape(b, u.p, u.len);
    tu_buf_free(&u);
    return b->failed ? -1 : 0;
}
