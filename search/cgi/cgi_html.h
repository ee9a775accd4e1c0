/* cgi_html: the HTML5 pages of tracuu.cgi (Vietnamese interface).  Every
 * value from the request or the database is HTML-escaped for its context;
 * links are built by cgi_link.  Each function appends to B and returns 0,
 * or -1 when B failed (out of memory or over its maximum). */
#ifndef CGI_HTML_H
#define CGI_HTML_H

#include <stddef.h>
#include "base/tu_buf.h"
#include "cgi_params.h"
#include "tracuu/search.h"

/* The results page of the search P gave R. */
int cgi_html_results(tu_buf_t *b, const cgi_params_t *p,
                     const tracuu_results_t *r);

/* The page of one document V, reached from the search P. */
int cgi_html_docview(tu_buf_t *b, const cgi_params_t *p,
                     const tracuu_docview_t *v);

/* An error page for HTTP STATUS (400, 404, 405, 500, 503): a Vietnamese
 * title and explanation plus DETAIL (English, may be NULL), escaped.  P may
 * be NULL (the search box is then empty). */
int cgi_html_error(tu_buf_t *b, int status, const char *detail,
                   const cgi_params_t *p);

/* The Vietnamese reason phrase shown for STATUS; static storage. */
const char *cgi_html_status_title(int status);

#endif
