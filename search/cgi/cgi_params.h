/* cgi_params: the GET parameters of tracuu.cgi (docs/design.md section 4),
 * parsed from QUERY_STRING and checked against their bounds.  Unknown or
 * repeated parameters are errors, as are values out of range. */
#ifndef CGI_PARAMS_H
#define CGI_PARAMS_H

#include <stddef.h>
#include <stdint.h>

#define CGI_MAX_QS_BYTES 8192     /* whole QUERY_STRING */
#define CGI_MAX_PAGE 1000
#define CGI_PAGE_SIZE 10
#define CGI_MAX_FILTER_BYTES 64   /* type, issuer */
#define CGI_MAX_MODEL_BYTES 256

enum { CGI_FMT_HTML, CGI_FMT_JSON };

typedef struct {
    char *q;                /* malloc'd, NULL if absent or empty */
    uint32_t page;          /* 1..CGI_MAX_PAGE */
    int sort_by_date;
    char *type, *issuer, *model;  /* malloc'd, NULL if absent or empty */
    int year;               /* 0 = none */
    int format;             /* CGI_FMT_* */
    uint32_t doc;           /* 0 = none */
    uint32_t like;          /* like=DOCID: documents like it; 0 = none */
    int as_typed;           /* dunggo=1: search the query as typed, no
                             * correction */
    int asset_css;          /* ?asset=css: the style sheet */
} cgi_params_t;

/* Parse QS into *P (zeroed first; free with cgi_params_free even on
 * failure).  Returns 0, or -1 with ERR (ERRSZ bytes) holding an English
 * message naming the parameter. */
int cgi_params_parse(const char *qs, cgi_params_t *p, char *err, size_t errsz);

void cgi_params_free(cgi_params_t *p);

#endif
