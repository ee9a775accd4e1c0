/* tracuu.cgi: the intranet search page (CGI/1.1, GET and HEAD).
 * Parameters: see cgi_params.h and docs/design.md section 4.  The database comes
 * from $TRACUU_DB or /etc/tracuu.conf and is opened read-only; no parameter
 * ever names a file.  Errors go to stderr (the server's error log); the
 * visitor sees a page without internals. */
#include "cgi_access.h"
#include "cgi_config.h"
#include "cgi_css.h"
#include "cgi_html.h"
#include "cgi_out.h"
#include "cgi_params.h"
#include "base/tu_buf.h"
#include "tracuu/render.h"
#include "tracuu/search.h"
#include "tracuu/xdb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PAGE_BYTES (64u << 20)   /* a document view of a huge text */
#define HTML_TYPE "text/html; charset=utf-8"
#define JSON_TYPE "application/json; charset=utf-8"

static int head_only;

/* Send an HTML error page; detail (English) is shown escaped. */
static int fail(int status, const char *detail, const cgi_params_t *p,
                const char *extra)
{
    tu_buf_t b;
    tu_buf_init(&b, MAX_PAGE_BYTES);
    cgi_html_error(&b, status, detail, p);
    int rc = cgi_out_send(stdout, status, HTML_TYPE, NULL, extra,
                          b.p ? b.p : "", b.failed ? 0 : b.len, head_only);
    tu_buf_free(&b);
    return rc ? 1 : 0;
}

/* Send BODY (malloc'd, taken) as 200 of type CTYPE; NULL: a 500. */
static int send_body(char *body, size_t len, const char *ctype,
                     const cgi_params_t *p)
{
    if (!body) {
        fprintf(stderr, "tracuu.cgi: out of memory or page too big\n");
        return fail(500, NULL, p, NULL);
    }
    int rc = cgi_out_send(stdout, 200, ctype, "private, no-cache", NULL,
                          body, len, head_only);
    free(body);
    return rc ? 1 : 0;
}

static int db_error(tracuu_status_t st, char *errmsg, const cgi_params_t *p,
                    const char *what)
{
    fprintf(stderr, "tracuu.cgi: %s: %s: %s\n", what,
            tracuu_status_to_string(st), errmsg ? errmsg : "");
    free(errmsg);
    return fail(500, NULL, p, NULL);
}

static int docview(tracuu_db_t *db, const cgi_params_t *p)
{
    tracuu_docview_t *v = NULL;
    char *errmsg = NULL;
    tracuu_status_t st = tracuu_docview(db, p->doc, p->q, &v, &errmsg);
    if (st == TRACUU_ERR_NOT_FOUND) {
        free(errmsg);
        return fail(404, "no document with this number", p, NULL);
    }
    if (st == TRACUU_ERR_QUERY) {
        int rc = fail(400, errmsg, p, NULL);
        free(errmsg);
        return rc;
    }
    if (st != TRACUU_OK)
        return db_error(st, errmsg, p, "document view");
    if (!tracuu_path_servable(db, v->path)) {
        /* the file now resolves outside the indexed folders (replaced by a
         * link since it was indexed): refused like a missing document */
        fprintf(stderr, "tracuu.cgi: document %u: its file now lies outside the "
                "indexed folders; not shown\n", (unsigned)p->doc);
        tracuu_docview_free(v);
        return fail(404, "no document with this number", p, NULL);
    }
    char *body;
    size_t len = 0;
    if (p->format == CGI_FMT_JSON) {
        body = tracuu_docview_json(v);
        len = body ? strlen(body) : 0;
    } else {
        tu_buf_t b;
        tu_buf_init(&b, MAX_PAGE_BYTES);
        cgi_html_docview(&b, p, v);
        body = tu_buf_take(&b, &len);
    }
    tracuu_docview_free(v);
    return send_body(body, len, p->format == CGI_FMT_JSON ? JSON_TYPE
                                                          : HTML_TYPE, p);
}

static int search(tracuu_db_t *db, const cgi_params_t *p)
{
    tracuu_search_req_t req;
    memset(&req, 0, sizeof req);
    req.query = p->q ? p->q : "";
    req.offset = (p->page - 1) * CGI_PAGE_SIZE;
    req.limit = CGI_PAGE_SIZE;
    req.sort_by_date = p->sort_by_date;
    req.type = p->type;
    req.issuer = p->issuer;
    req.model = p->model;
    req.year = p->year;
    req.want_facets = 1;
    req.want_suggestion = 1;
    req.as_typed = p->as_typed;
    tracuu_results_t *r = NULL;
    char *errmsg = NULL;
    tracuu_status_t st = p->like ? tracuu_like(db, p->like, &req, &r, &errmsg)
                                 : tracuu_search(db, &req, &r, &errmsg);
    if (st == TRACUU_ERR_QUERY) {
        int rc = fail(400, errmsg ? errmsg : "malformed query", p, NULL);
        free(errmsg);
        return rc;
    }
    if (st == TRACUU_ERR_NOT_FOUND && p->like) {
        free(errmsg);
        return fail(404, "no document with this number", p, NULL);
    }
    if (st != TRACUU_OK)
        return db_error(st, errmsg, p, "search");
    char *body;
    size_t len = 0;
    if (p->format == CGI_FMT_JSON) {
        body = tracuu_results_json(r, 1);
        len = body ? strlen(body) : 0;
    } else {
        tu_buf_t b;
        tu_buf_init(&b, MAX_PAGE_BYTES);
        cgi_html_results(&b, p, r);
        body = tu_buf_take(&b, &len);
    }
    tracuu_results_free(r);
    return send_body(body, len, p->format == CGI_FMT_JSON ? JSON_TYPE
                                                          : HTML_TYPE, p);
}

int main(void)
{
    const char *method = getenv("REQUEST_METHOD");
    if (!method || !*method) {
        fprintf(stderr, "tracuu.cgi: a CGI program: run it from a web server "
                "(REQUEST_METHOD is not set)\n");
        return 2;
    }
    head_only = strcmp(method, "HEAD") == 0;
    if (!head_only && strcmp(method, "GET") != 0)
        return fail(405, "only GET and HEAD are accepted", NULL,
                    "Allow: GET, HEAD\r\n");

    cgi_params_t p;
    char err[160];
    if (cgi_params_parse(getenv("QUERY_STRING"), &p, err, sizeof err) != 0) {
        cgi_params_free(&p);
        return fail(400, err, NULL, NULL);
    }
    int rc;
    if (p.asset_css) {
        rc = cgi_out_send(stdout, 200, "text/css; charset=utf-8",
                          "public, max-age=86400", NULL, cgi_css,
                          cgi_css_len, head_only) ? 1 : 0;
        cgi_params_free(&p);
        return rc;
    }

    tracuu_access_t *access = NULL;
    char *aerr = NULL;
    if (cgi_access_load(&access, &aerr) != 0) {
        /* a broken [access] section: show nothing rather than everything */
        fprintf(stderr, "tracuu.cgi: access: %s\n", aerr ? aerr : "out of memory");
        free(aerr);
        tracuu_access_free(access);
        cgi_params_free(&p);
        return fail(500, NULL, NULL, NULL);
    }
    const char *tmo = getenv("TRACUU_SHARD_TIMEOUT");   /* seconds */
    if (tmo && *tmo) {
        double t = strtod(tmo, NULL);
        if (t > 0 && t < 3600)
            tracuu_db_set_shard_timeout((unsigned)(t * 1000 + 0.5));
    }
    char *path = cgi_config_db_path();
    tracuu_db_t *db = NULL;
    if (path) {
        char *errmsg = NULL;
        tracuu_status_t st = tracuu_db_open(path, TRACUU_DB_READ, &db,
                                            &errmsg);
        if (st != TRACUU_OK) {
            fprintf(stderr, "tracuu.cgi: %s: %s\n",
                    tracuu_status_to_string(st), errmsg ? errmsg : path);
            db = NULL;
        }
        free(errmsg);
        free(path);
    }
    if (!db) {
        rc = fail(503, NULL, &p, "Retry-After: 60\r\n");
    } else {
        int what = TRACUU_ACCESS_ALL;
        const char *user = getenv("REMOTE_USER");
        const char *gv = tracuu_access_groups_var(access);
        char *err = NULL;
        tracuu_status_t st = tracuu_access_apply(access, db, user, gv ? getenv(gv) : NULL,
                                                 &what, &err);
        if (st != TRACUU_OK) {
            fprintf(stderr, "tracuu.cgi: access: %s\n", err ? err : tracuu_status_to_string(st));
            rc = fail(500, NULL, &p, NULL);
        } else if (what == TRACUU_ACCESS_NONE) {
            fprintf(stderr, "tracuu.cgi: access: %s%s%s: no folder allowed\n",
                    user && *user ? "user '" : "no REMOTE_USER", user && *user ? user : "",
                    user && *user ? "'" : "");
            rc = fail(403, user && *user
                               ? "your account may not see any folder of this archive; "
                                 "ask the administrator for access"
                               : "this page needs a login (the web server passed no user)",
                      &p, NULL);
        } else {
            rc = p.doc ? docview(db, &p) : search(db, &p);
        }
        free(err);
        for (size_t i = 0; i < tracuu_db_n_warnings(db); i++)
            fprintf(stderr, "tracuu.cgi: warning: %s\n", tracuu_db_warning(db, i));
        tracuu_db_close(db);
    }
    tracuu_access_free(access);
    cgi_params_free(&p);
    return rc;
}
