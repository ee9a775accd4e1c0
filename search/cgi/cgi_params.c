/* cgi_params: parsing and bounding tracuu.cgi's parameters. */
#include "cgi_params.h"
#include "render/tu_qs.h"
#include "tracuu/search.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PAIRS 16
#define REJECT 1   /* callback's "stop" code; the message is in ctx */

typedef struct {
    cgi_params_t *p;
    unsigned seen;          /* bit per known name */
    char *err;
    size_t errsz;
} parse_ctx_t;

enum { P_Q, P_PAGE, P_SORT, P_TYPE, P_ISSUER, P_YEAR, P_MODEL, P_FORMAT,
       P_DOC, P_ASSET, P_LIKE, P_ASTYPED, P_N };
static const char *const names[P_N] = {
    "q", "page", "sort", "type", "issuer", "year", "model", "format", "doc",
    "asset", "like", "dunggo"
};

/* A decimal number in [LO, HI] with nothing else around it. */
static int number(const char *v, long lo, long hi, long *out)
{
    if (*v < '0' || *v > '9')
        return -1;
    errno = 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < lo || n > hi)
        return -1;
    *out = n;
    return 0;
}

static int copy(char **dst, const char *v, size_t vlen)
{
    *dst = malloc(vlen + 1);
    if (!*dst)
        return -1;
    memcpy(*dst, v, vlen + 1);
    return 0;
}

static int on_pair(const char *k, size_t klen, const char *v, size_t vlen,
                   void *vctx)
{
    parse_ctx_t *c = vctx;
    cgi_params_t *p = c->p;
    int i;
    (void)klen;
    for (i = 0; i < P_N; i++)
        if (strcmp(k, names[i]) == 0)
            break;
    if (i == P_N) {
        snprintf(c->err, c->errsz, "unknown parameter \"%.40s\"", k);
        return REJECT;
    }
    if (c->seen & (1u << i)) {
        snprintf(c->err, c->errsz, "parameter \"%s\" given twice", names[i]);
        return REJECT;
    }
    c->seen |= 1u << i;
    if (vlen == 0)
        return 0;   /* empty = absent (e.g. a form's empty select) */

    long n;
    switch (i) {
    case P_Q:
        if (vlen > TRACUU_MAX_QUERY_BYTES) {
            snprintf(c->err, c->errsz, "q is longer than %d bytes",
                     TRACUU_MAX_QUERY_BYTES);
            return REJECT;
        }
        return copy(&p->q, v, vlen) ? TU_QS_NOMEM : 0;
    case P_PAGE:
        if (number(v, 1, CGI_MAX_PAGE, &n)) {
            snprintf(c->err, c->errsz, "page must be a number from 1 to %d",
                     CGI_MAX_PAGE);
            return REJECT;
        }
        p->page = (uint32_t)n;
        return 0;
    case P_SORT:
        if (strcmp(v, "relevance") == 0)
            p->sort_by_date = 0;
        else if (strcmp(v, "date") == 0)
            p->sort_by_date = 1;
        else {
            snprintf(c->err, c->errsz, "sort must be relevance or date");
            return REJECT;
        }
        return 0;
    case P_TYPE:
    case P_ISSUER:
        if (vlen > CGI_MAX_FILTER_BYTES) {
            snprintf(c->err, c->errsz, "%s is longer than %d bytes",
                     names[i], CGI_MAX_FILTER_BYTES);
            return REJECT;
        }
        return copy(i == P_TYPE ? &p->type : &p->issuer, v, vlen)
            ? TU_QS_NOMEM : 0;
    case P_MODEL:
        if (vlen > CGI_MAX_MODEL_BYTES) {
            snprintf(c->err, c->errsz, "model is longer than %d bytes",
                     CGI_MAX_MODEL_BYTES);
            return REJECT;
        }
        return copy(&p->model, v, vlen) ? TU_QS_NOMEM : 0;
    case P_YEAR:
        if (number(v, 1000, 9999, &n)) {
            snprintf(c->err, c->errsz, "year must be a four-digit number");
            return REJECT;
        }
        p->year = (int)n;
        return 0;
    case P_FORMAT:
        if (strcmp(v, "html") == 0)
            p->format = CGI_FMT_HTML;
        else if (strcmp(v, "json") == 0)
            p->format = CGI_FMT_JSON;
        else {
            snprintf(c->err, c->errsz, "format must be html or json");
            return REJECT;
        }
        return 0;
    case P_DOC:
        if (number(v, 1, 0x7FFFFFFFL, &n)) {
            snprintf(c->err, c->errsz, "doc must be a document number");
            return REJECT;
        }
        p->doc = (uint32_t)n;
        return 0;
    case P_LIKE:
        if (number(v, 1, 0x7FFFFFFFL, &n)) {
            snprintf(c->err, c->errsz, "like must be a document number");
            return REJECT;
        }
        p->like = (uint32_t)n;
        return 0;
    case P_ASTYPED:
        if (strcmp(v, "1") != 0) {
            snprintf(c->err, c->errsz, "dunggo must be 1");
            return REJECT;
        }
        p->as_typed = 1;
        return 0;
    case P_ASSET:
        if (strcmp(v, "css") != 0) {
            snprintf(c->err, c->errsz, "asset must be css");
            return REJECT;
        }
        p->asset_css = 1;
        return 0;
    }
    return 0;
}

int cgi_params_parse(const char *qs, cgi_params_t *p, char *err, size_t errsz)
{
    memset(p, 0, sizeof *p);
    p->page = 1;
    if (errsz)
        err[0] = '\0';
    if (qs && strlen(qs) > CGI_MAX_QS_BYTES) {
        snprintf(err, errsz, "query string longer than %d bytes",
                 CGI_MAX_QS_BYTES);
        return -1;
    }
    parse_ctx_t c = { p, 0, err, errsz };
    size_t pos = 0;
    int rc = tu_qs_parse(qs, MAX_PAIRS, on_pair, &c, &pos);
    if (rc == TU_QS_OK)
        return 0;
    if (rc != REJECT)
        snprintf(err, errsz, "%s at byte %zu of the query string",
                 tu_qs_strerror(rc), pos);
    return -1;
}

void cgi_params_free(cgi_params_t *p)
{
    free(p->q);
    free(p->type);
    free(p->issuer);
    free(p->model);
    memset(p, 0, sizeof *p);
}
