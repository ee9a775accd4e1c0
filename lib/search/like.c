/* More like this: see tracuu_like in include/tracuu/search.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search/tu_search.h"
#include "index/tu_indexdoc.h"
#include "tracuu/schema.h"

#define LIKE_TERMS 30

typedef struct {
    tracuu_query_t *t[LIKE_TERMS];
    size_t n;
    tu_parsed_t *pq;
    int failed;
} like_ctx_t;

static int term_cb(const char *term, size_t len, uint32_t w, uint32_t cf,
                   void *ctx)
{
    (void)w;
    (void)cf;
    like_ctx_t *c = ctx;
    if (c->n >= LIKE_TERMS)
        return 1;
    char **hl = realloc(c->pq->hl, (c->pq->n_hl + 1) * sizeof *hl);
    if (!hl) {
        c->failed = 1;
        return 1;
    }
    c->pq->hl = hl;
    if (!(hl[c->pq->n_hl] = strndup(term, len))) {
        c->failed = 1;
        return 1;
    }
    c->pq->n_hl++;
    if ((c->t[c->n] = tracuu_query_term(term, len, 1)))
        c->n++;
    return 0;
}

tracuu_status_t tracuu_like(tracuu_db_t *db, tracuu_docid_t docid,
                            const tracuu_search_req_t *req,
                            tracuu_results_t **out, char **errmsg)
{
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    if (!db || !req)
        return TRACUU_ERR_INVALID_ARG;
    char *path = NULL;
    size_t plen = 0;
    tracuu_status_t rc = docid ? tracuu_db_get_value(db, docid, TU_SLOT_PATH, &path, &plen)
                               : TRACUU_ERR_NOT_FOUND;
    if (rc == TRACUU_OK && plen == 0)
        rc = TRACUU_ERR_NOT_FOUND;
    if (rc != TRACUU_OK) {
        free(path);
        if (errmsg) {
            char msg[96];
            snprintf(msg, sizeof msg, "no document %u (a docid of a result)", docid);
            *errmsg = strdup(rc == TRACUU_ERR_NOT_FOUND ? msg : tracuu_db_last_error(db));
        }
        return rc;
    }
    tu_parsed_t pq;
    memset(&pq, 0, sizeof pq);
    like_ctx_t c = {.n = 0, .pq = &pq};
    rc = tracuu_db_expand(db, docid, LIKE_TERMS, term_cb, &c);
    if (rc == TRACUU_OK && c.failed)
        rc = TRACUU_ERR_NOMEM;
    if (rc != TRACUU_OK) {
        for (size_t i = 0; i < c.n; i++)
            tracuu_query_free(c.t[i]);
        free(path);
        tu_parsed_clear(&pq);
        if (errmsg)
            *errmsg = strdup(tracuu_db_last_error(db));
        return rc;
    }
    /* its words, any of them, the document itself left out */
    char uid[TU_UID_MAX + 1];
    size_t ul = tu_uid_term(path, uid);
    free(path);
    tracuu_query_t *any = c.n ? tracuu_query_combine(TRACUU_OP_OR, c.t, c.n, 0)
                              : tracuu_query_match_nothing();
    tracuu_query_t *pair[2] = {any, tracuu_query_term(uid, ul, 1)};
    pq.q = tracuu_query_combine(TRACUU_OP_AND_NOT, pair, 2, 0);
    if (!pq.q) {
        tu_parsed_clear(&pq);
        return TRACUU_ERR_NOMEM;
    }
    tracuu_search_req_t r = *req;
    char qtext[32];
    snprintf(qtext, sizeof qtext, "like:%u", docid);
    r.query = qtext;
    r.want_suggestion = 0;
    r.as_typed = 1;
    return tu_search_run(db, &r, &pq, 0, out, errmsg);
}
