/* cgi_link: the relative links of tracuu.cgi's pages ("?q=...&page=2").
 * Every link starts with '?', so no parameter value can ever turn it into
 * another scheme (javascript:) or another host. */
#ifndef CGI_LINK_H
#define CGI_LINK_H

#include <stdint.h>
#include "base/tu_buf.h"
#include "cgi_params.h"

typedef struct {
    const char *q;
    uint32_t page;          /* 0 or 1: left out */
    int sort_by_date;
    const char *type, *issuer, *model;
    int year;
    uint32_t doc;
    uint32_t like;          /* like=DOCID */
    int as_typed;           /* dunggo=1 */
    int json;
} cgi_link_t;

/* A link state holding the search of P (borrowing its strings), page 1,
 * no doc, html. */
cgi_link_t cgi_link_from(const cgi_params_t *p);

/* Append L as a URL ("?q=a+b&sort=date"), URL-encoded but not HTML-escaped.
 * The empty state gives "?". */
int cgi_link_url(tu_buf_t *b, const cgi_link_t *l);

/* Append L as the value of an href attribute (URL-encoded, then
 * HTML-escaped: '&' becomes "&amp;"). */
int cgi_link_href(tu_buf_t *b, const cgi_link_t *l);

#endif
