/* tracuu.cgi: the intranet search page (CGI/1.1, GET and HEAD).
 * Parameters: see cgi_params.h and docs/design.md section 4.  The database comes
 * from $TRACUU_DB or /etc/tracuu.conf and is opened read-only; no parameter
 * ever names a file.  Errors go to stderr (the server's error log); the
 * visitor sees a page without internals. */
#include "cgi_access.h"
#include "cgi_config.h"
#include "cgi_msg.h"
#include "cgi_file.h"
#include "cgi_css.h"
#include "cgi_fcgi.h"
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
static FILE *out;              /* this request's response */
static int persistent;         /* FastCGI: the database stays open */
static tracuu_db_t *kept_db;   /* ... this one, of kept_path */
static char *kept_path;

/* Send an HTML error page; detail (Vietnamese) is shown escaped. */
static int fail(int status, const char *detail, const cgi_params_t *p,
                const char *extra)
{
    tu_buf_t b;
    tu_buf_init(&b, MAX_PAGE_BYTES);
    cgi_html_error(&b, status, detail, p);
    int rc = cgi_out_send(out, status, HTML_TYPE, NULL, extra,
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
    int rc = cgi_out_send(out, 200, ctype, "private, no-cache", NULL,
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
        return fail(404, "không có văn bản mang số này", p, NULL);
    }
    if (st == TRACUU_ERR_QUERY) {
        char vi[300];
        int rc = fail(400, cgi_msg_vi(errmsg, vi, sizeof vi), p, NULL);
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
        return fail(404, "không có văn bản mang số này", p, NULL);
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

/* ?doc=N&file=1: the original file, found through the index only. */
static int original(tracuu_db_t *db, const cgi_params_t *p)
{
    if (p->no_files)
        return fail(404, "máy chủ này không cho mở tệp gốc", p, NULL);
    tracuu_docview_t *v = NULL;
    char *errmsg = NULL;
    tracuu_status_t st = tracuu_docview(db, p->doc, NULL, &v, &errmsg);
    if (st == TRACUU_ERR_NOT_FOUND) {
        free(errmsg);
        return fail(404, "không có văn bản mang số này", p, NULL);
    }
    if (st != TRACUU_OK)
        return db_error(st, errmsg, p, "original file");
    int rc = cgi_file_send(v->path, v->format, v->encoding, head_only);
    tracuu_docview_free(v);
    if (rc == 404)
        return fail(404, "tệp gốc không còn ở chỗ cũ (đã bị xóa hoặc chuyển đi)",
                    p, NULL);
    return rc ? 1 : 0;
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
    req.cited_type = p->cited_type;
    req.cited_issuer = p->cited_issuer;
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
        char vi[300];
        int rc = fail(400, cgi_msg_vi(errmsg, vi, sizeof vi), p, NULL);
        free(errmsg);
        return rc;
    }
    if (st == TRACUU_ERR_NOT_FOUND && p->like) {
        free(errmsg);
        return fail(404, "không có văn bản mang số này", p, NULL);
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

/* The database of the configuration, read-only; NULL if it cannot be
 * opened (reported on stderr).  Persistent: the one kept open, brought to
 * the latest revision. */
static tracuu_db_t *open_db(void)
{
    char *path = cgi_config_db_path();
    if (!path)
        return NULL;
    if (persistent && kept_db) {
        if (strcmp(path, kept_path) == 0 && tracuu_db_reopen(kept_db) == TRACUU_OK) {
            free(path);
            return kept_db;
        }
        tracuu_db_close(kept_db);
        free(kept_path);
        kept_db = NULL;
        kept_path = NULL;
    }
    tracuu_db_t *db = NULL;
    char *errmsg = NULL;
    tracuu_status_t st = tracuu_db_open(path, TRACUU_DB_READ, &db, &errmsg);
    if (st != TRACUU_OK) {
        fprintf(stderr, "tracuu.cgi: %s: %s\n",
                tracuu_status_to_string(st), errmsg ? errmsg : path);
        db = NULL;
    }
    free(errmsg);
    if (db && persistent) {
        kept_db = db;
        kept_path = path;
    } else {
        free(path);
    }
    return db;
}

/* Persistent: close the kept handle (the next request opens afresh). */
static void drop_db(void)
{
    tracuu_db_close(kept_db);
    free(kept_path);
    kept_db = NULL;
    kept_path = NULL;
}

/* One request, its parameters in the environment, the response to O. */
static int handle(FILE *o)
{
    out = o;
    const char *method = getenv("REQUEST_METHOD");
    if (!method || !*method) {
        fprintf(stderr, "tracuu.cgi: a CGI program: run it from a web server "
                "(REQUEST_METHOD is not set)\n");
        return 2;
    }
    head_only = strcmp(method, "HEAD") == 0;
    if (!head_only && strcmp(method, "GET") != 0)
        return fail(405, "chỉ nhận GET và HEAD", NULL,
                    "Allow: GET, HEAD\r\n");

    cgi_params_t p;
    char err[160];
    if (cgi_params_parse(getenv("QUERY_STRING"), &p, err, sizeof err) != 0) {
        cgi_params_free(&p);
        return fail(400, err, NULL, NULL);
    }
    int rc;
    if (p.asset_css) {
        rc = cgi_out_send(out, 200, "text/css; charset=utf-8",
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
    unsigned conf_ms = cgi_shard_timeout_ms();
    if (conf_ms)
        tracuu_db_set_shard_timeout(conf_ms);
    const char *tmo = getenv("TRACUU_SHARD_TIMEOUT");   /* seconds; for tests */
    if (tmo && *tmo) {
        double t = strtod(tmo, NULL);
        if (t > 0 && t < 3600)
            tracuu_db_set_shard_timeout((unsigned)(t * 1000 + 0.5));
    }
    tracuu_db_t *db = open_db();
    /* a kept handle may carry the previous request's scope: none yet */
    if (db && persistent && tracuu_db_set_scope(db, NULL, 0) != TRACUU_OK) {
        drop_db();
        db = NULL;
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
            p.no_files = !cgi_config_serve_files();
            rc = p.doc && p.file ? original(db, &p) : p.doc ? docview(db, &p)
                                                            : search(db, &p);
        }
        free(err);
        size_t nw = tracuu_db_n_warnings(db);
        for (size_t i = 0; i < nw; i++)
            fprintf(stderr, "tracuu.cgi: warning: %s\n", tracuu_db_warning(db, i));
        if (!persistent)
            tracuu_db_close(db);
        else if (nw)
            drop_db();  /* a shard did not answer: open afresh next time */
    }
    tracuu_access_free(access);
    cgi_params_free(&p);
    return rc;
}

int main(void)
{
    if (cgi_fcgi_wanted()) {
        persistent = 1;
        int rc = cgi_fcgi_serve(handle);
        tracuu_db_close(kept_db);
        free(kept_path);
        return rc;
    }
    return handle(stdout);
}
