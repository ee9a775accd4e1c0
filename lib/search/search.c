/* Searching: request -> parsed query -> Xapian -> hits with snippets,
 * facets and the "did you mean" suggestion.  See include/tracuu/search.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/search.h"
#include "tracuu/meta.h"
#include "tracuu/normalize.h"
#include "tracuu/schema.h"
#include "index/tu_docdata.h"

/* Matches the positional boosts rescore (see tu_search_run). */
#define TU_RESCORE_WINDOW 500
#include "search/tu_citations.h"
#include "search/tu_query.h"
#include "search/tu_numquery.h"
#include "search/tu_partial.h"
#include "search/tu_search.h"
#include "search/tu_snippet.h"
#include "search/tu_suggest.h"
#include "search/tu_telex.h"
#include "base/tu_buf.h"

static const unsigned facet_slots[TRACUU_N_FACETS] = {
    TU_SLOT_OWNTYPE, TU_SLOT_OWNISS, TU_SLOT_YEAR, TU_SLOT_MODELS,
    TU_SLOT_TYPES, TU_SLOT_ISSUERS};

static char *dupmsg(const char *prefix, const char *detail)
{
    size_t n = strlen(prefix) + strlen(detail) + 3;
    char *m = malloc(n);
    if (m)
        snprintf(m, n, "%s: %s", prefix, detail);
    return m;
}

static void set_err(char **errmsg, char *msg)
{
    if (errmsg)
        *errmsg = msg;
    else
        free(msg);
}

/* The filter for one facet value of the request, or NULL. */
static tracuu_query_t *facet_filter(const char *field, const char *prefix,
                                    const char *value)
{
    if (!value || !*value)
        return NULL;
    char *key = tu_field_value_key(field, value, strlen(value));
    if (!key)
        return NULL;
    size_t pl = strlen(prefix), kl = strlen(key);
    char *term = malloc(pl + kl + 1);
    tracuu_query_t *q = NULL;
    if (term) {
        memcpy(term, prefix, pl);
        memcpy(term + pl, key, kl + 1);
        q = tracuu_query_term(term, pl + kl, 1);
        free(term);
    }
    free(key);
    return q;
}

static tracuu_query_t *with_filters(tracuu_query_t *q,
                                    const tracuu_search_req_t *req)
{
    tracuu_query_t *subs[7];
    size_t n = 0;
    subs[n++] = q ? q : tracuu_query_match_all();
    char year[16] = "";
    if (req->year > 0 && req->year < 10000)
        snprintf(year, sizeof year, "%d", req->year);
    tracuu_query_t *f;
    if ((f = facet_filter("loai", TU_PREFIX_OWNTYPE, req->type)))
        subs[n++] = f;
    if ((f = facet_filter("coquan", TU_PREFIX_OWNISS, req->issuer)))
        subs[n++] = f;
    if ((f = facet_filter("loaitd", TU_PREFIX_TYPE, req->cited_type)))
        subs[n++] = f;
    if ((f = facet_filter("coquantd", TU_PREFIX_ISSUER, req->cited_issuer)))
        subs[n++] = f;
    if ((f = facet_filter("mohinh", TU_PREFIX_MODEL, req->model)))
        subs[n++] = f;
    if ((f = facet_filter("nam", TU_PREFIX_YEAR, year)))
        subs[n++] = f;
    if (n == 1)
        return subs[0];
    return tracuu_query_combine(TRACUU_OP_FILTER, subs, n, 0);
}

/* 1 if the request searches the whole archive: no facet filter (those of
 * with_filters) and no access scope on DB. */
static int whole_archive(tracuu_db_t *db, const tracuu_search_req_t *req)
{
    const char *const f[] = {req->type, req->issuer, req->cited_type,
                             req->cited_issuer, req->model};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (f[i] && *f[i])
            return 0;
    return !(req->year > 0 && req->year < 10000) && !tracuu_db_is_scoped(db);
}

static char *xstrdup(const char *s)
{
    return strdup(s ? s : "");
}

static tracuu_status_t fill_hit(tracuu_db_t *db, tracuu_docid_t docid,
                                const tu_parsed_t *pq, size_t snip_bytes,
                                tracuu_hit_t *h, tu_suggest_t *sg)
{
    char *data = NULL;
    size_t len = 0;
    tracuu_status_t rc = tracuu_db_get_data(db, docid, &data, &len);
    if (rc != TRACUU_OK)
        return rc;
    tu_docdata_t d;
    int bad = tu_docdata_read(data, len, 1, &d);
    free(data);
    if (bad)
        return TRACUU_ERR_NOMEM;
    h->docid = docid;
    h->path = d.path;
    h->title = d.title;
    d.path = d.title = NULL;
    snprintf(h->date, sizeof h->date, "%s", d.date);
    h->format = d.format;
    h->encoding = d.encoding;
    d.format = d.encoding = NULL;
    h->refs = d.refs;
    h->n_refs = d.n_refs;
    h->models = d.models;
    h->n_models = d.n_models;
    d.refs = d.models = NULL;
    d.n_refs = d.n_models = 0;
    if (tu_ident_take(db, &d, &h->own) != TRACUU_OK ||
        tu_ref_links(db, h->refs, h->n_refs, &h->ref_docids) != TRACUU_OK) {
        tu_docdata_clear(&d);
        return TRACUU_ERR_NOMEM;
    }
    /* one pass over the text: the snippet, and the suggestion watching */
    tu_suggest_begin(sg);
    if (tu_snippet(d.text, d.text_len, pq->hl, pq->n_hl, snip_bytes,
                   &h->snippet, &h->hl, &h->n_hl, sg ? tu_suggest_token : NULL,
                   sg) != 0)
        rc = TRACUU_ERR_NOMEM;
    tu_docdata_clear(&d);
    return rc;
}

/* Words typed with the input method off (Telex "daan vaajn", VNI "da6n
 * va65n"): when a word is not in the archive but its Telex/VNI reading is,
 * suggest the query with those words read as Vietnamese.  NULL if none. */
static char *keystroke_suggestion(tracuu_db_t *db, const tu_parsed_t *pq)
{
    if (!pq->only_words || pq->any_marks || pq->n_words == 0)
        return NULL;
    tu_buf_t b;
    tu_buf_init(&b, 4096);
    int changed = 0;
    for (size_t i = 0; i < pq->n_words; i++) {
        const char *w = pq->words[i];
        char conv[64], key[256], term[300];
        uint32_t freq = 1;
        int kl = tracuu_norm_fold(w, strlen(w), key, sizeof key);
        if (kl > 0)
            tracuu_db_termfreq(db, key, &freq);
        int cl = freq == 0 ? tu_telex_word(w, strlen(w), conv, sizeof conv) : 0;
        uint32_t cfreq = 0;
        if (cl > 0 && tracuu_norm_fold(conv, (size_t)cl, term, sizeof term) > 0)
            tracuu_db_termfreq(db, term, &cfreq);
        if (i)
            tu_buf_addc(&b, ' ');
        if (cl > 0 && cfreq > 0) {
            tu_buf_add(&b, conv, (size_t)cl);
            changed = 1;
        } else {
            tu_buf_adds(&b, w);
        }
    }
    char *r = tu_buf_take(&b, NULL);
    if (!changed) {
        free(r);
        r = NULL;
    }
    return r;
}

tracuu_status_t tu_search_run(tracuu_db_t *db, const tracuu_search_req_t *req,
                              tu_parsed_t *given, int force_suggest,
                              tracuu_results_t **out, char **errmsg)
{
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    if (!db || !req) {
        if (given)
            tu_parsed_clear(given);
        return TRACUU_ERR_INVALID_ARG;
    }
    tu_parsed_t pq;
    char *perr = NULL;
    tracuu_status_t rc = TRACUU_OK;
    if (given) {
        pq = *given;
        memset(given, 0, sizeof *given);
    } else {
        rc = whole_archive(db, req)
                 ? tu_query_parse_whole(db, req->query, &pq, &perr)
                 : tu_query_parse(db, req->query, &pq, &perr);
    }
    if (rc != TRACUU_OK) {
        set_err(errmsg, perr ? perr : strdup(tracuu_status_to_string(rc)));
        return rc;
    }
    tracuu_results_t *r = calloc(1, sizeof *r);
    if (!r) {
        tu_parsed_clear(&pq);
        return TRACUU_ERR_NOMEM;
    }
    char *nfc = NULL;
    size_t nfc_len;
    const char *qt = req->query ? req->query : "";
    if (tracuu_norm_text(qt, strlen(qt), &nfc, &nfc_len, NULL) != TRACUU_OK) {
        free(r);
        tu_parsed_clear(&pq);
        return TRACUU_ERR_NOMEM;
    }
    r->query = nfc;
    r->offset = req->offset;

    tracuu_query_t *q = with_filters(pq.q ? tracuu_query_copy(pq.q) : NULL, req);
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.offset = req->offset;
    o.limit = req->limit ? req->limit : 10;
    if (o.limit > TRACUU_MAX_LIMIT)
        o.limit = TRACUU_MAX_LIMIT;
    o.sort_slot = req->sort_by_date ? TU_SLOT_DATE : -1;
    o.sort_descending = 1;
    o.check_at_least = 1000;
    /* the phrase and nearness boosts rescore the 500 best matches of the
     * query without them (tracuu_search_opts_t): the same ranking wherever
     * a query matches fewer documents, and no position check on each of
     * the 100,000 documents that "dan van" matches in a large archive */
    o.rescore_window = TU_RESCORE_WINDOW;
    if (req->want_facets) {
        for (int f = 0; f < TRACUU_N_FACETS; f++)
            o.facet_slots[o.n_facet_slots++] = facet_slots[f];
        o.facet_sample = req->exact_facets ? 0 : TRACUU_FACET_SAMPLE;
    }
    /* ranked partial matching: a long query, or a short one whose words
     * are not all in enough documents, is searched relaxed */
    int relaxed = 0;
    if (q && pq.partial.q && !req->as_typed) {
        tracuu_query_t *rq = with_filters(tracuu_query_copy(pq.partial.q), req);
        if (rq && tu_partial_pick(db, &pq.partial, q)) {
            /* short queries: the strict query (phrase and nearness boosts)
             * adds its weight to the documents holding every word; for
             * long ones and pasted text it would cost as much again */
            if (pq.partial.mode == TU_PARTIAL_SHORT) {
                tracuu_query_t *subs[2] = {rq, q};
                q = tracuu_query_combine(TRACUU_OP_AND_MAYBE, subs, 2, 0);
            } else {
                tracuu_query_free(q);
                q = rq;
            }
            relaxed = 1;
            /* an exact count would evaluate every document holding one
             * rare word: the total of a relaxed query is an estimate */
            if (!req->want_facets)
                o.check_at_least = 0;
        } else {
            tracuu_query_free(rq);
        }
    }
    tracuu_mset_t *m = NULL;
    rc = q ? tracuu_db_search(db, q, &o, &m) : TRACUU_ERR_NOMEM;
    tracuu_query_free(q);
    if (rc != TRACUU_OK) {
        set_err(errmsg, dupmsg("search failed", tracuu_db_last_error(db)));
        tu_parsed_clear(&pq);
        tracuu_results_free(r);
        return rc;
    }
    r->total = tracuu_mset_total(m);
    r->total_exact = tracuu_mset_total_exact(m);
    r->facets_estimated = req->want_facets && tracuu_mset_facets_estimated(m);
    uint32_t n = tracuu_mset_size(m);
    r->hits = n ? calloc(n, sizeof *r->hits) : NULL;
    tu_suggest_t *sg = NULL;
    if (req->want_suggestion && (!pq.any_marks || force_suggest) && pq.n_words > 0)
        sg = tu_suggest_new((const char *const *)pq.words, pq.n_words);
    size_t snip = req->snippet_bytes ? req->snippet_bytes : 240;
    for (uint32_t i = 0; i < n && r->hits; i++) {
        tracuu_hit_t *h = &r->hits[r->n_hits];
        rc = fill_hit(db, tracuu_mset_docid(m, i), &pq, snip, h, sg);
        if (rc != TRACUU_OK) {
            set_err(errmsg, dupmsg("cannot read a result", tracuu_db_last_error(db)));
            break;
        }
        h->rank = req->offset + i + 1;
        h->score = tracuu_mset_weight(m, i);
        if (h->score >= TU_TIER) {   /* weight tiers (partial, citations) */
            double tier = floor(h->score / TU_TIER);
            h->score -= tier * TU_TIER;
            h->partial = relaxed && fmod(tier, 2.0) == 0.0;
        } else {
            h->partial = relaxed;
        }
        r->partial |= h->partial;
        r->n_hits++;
    }
    if (n && !r->hits)
        rc = TRACUU_ERR_NOMEM;
    if (rc == TRACUU_OK && req->want_facets) {
        for (int f = 0; f < TRACUU_N_FACETS; f++) {
            size_t k = tracuu_mset_facet_size(m, (size_t)f);
            r->facets[f] = k ? calloc(k, sizeof *r->facets[f]) : NULL;
            for (size_t j = 0; j < k && r->facets[f]; j++) {
                uint32_t count = 0;
                const char *v = tracuu_mset_facet_value(m, (size_t)f, j, &count);
                r->facets[f][j].value = xstrdup(v);
                r->facets[f][j].count = count;
                r->n_facets[f]++;
            }
        }
    }
    if (rc == TRACUU_OK && req->want_suggestion)
        r->suggestion = keystroke_suggestion(db, &pq);
    if (rc == TRACUU_OK)
        tracuu_db_copy_warnings(db, &r->warnings, &r->n_warnings);
    if (sg) {
        if (rc == TRACUU_OK && !r->suggestion)
            r->suggestion = tu_suggest_result(sg, db);
        tu_suggest_free(sg);
    }
    tracuu_mset_free(m);
    tu_parsed_clear(&pq);
    if (rc != TRACUU_OK) {
        tracuu_results_free(r);
        return rc;
    }
    *out = r;
    return TRACUU_OK;
}

static void free_list(char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

void tracuu_results_free(tracuu_results_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_hits; i++) {
        tracuu_hit_t *h = &r->hits[i];
        free(h->path);
        free(h->title);
        free(h->snippet);
        free(h->hl);
        free_list(h->refs, h->n_refs);
        free(h->ref_docids);
        tracuu_ident_clear(&h->own);
        free_list(h->models, h->n_models);
        free(h->format);
        free(h->encoding);
    }
    free(r->hits);
    for (int f = 0; f < TRACUU_N_FACETS; f++) {
        for (size_t j = 0; j < r->n_facets[f]; j++)
            free(r->facets[f][j].value);
        free(r->facets[f]);
    }
    free(r->query);
    free(r->suggestion);
    free_list(r->warnings, r->n_warnings);
    free(r->corrected);
    free(r);
}

/* Append to D's text (its head) the rest kept in TU_SLOT_TEXT_REST, at most
 * up to TRACUU_DOCVIEW_MAX_TEXT bytes and one character more (cut after).
 * -1 if out of memory; a missing rest leaves the head alone. */
static int view_rest(tracuu_db_t *db, tracuu_docid_t docid, tu_docdata_t *d)
{
    char *rest = NULL;
    size_t rlen = 0;
    if (tracuu_db_get_value(db, docid, TU_SLOT_TEXT_REST, &rest, &rlen) != TRACUU_OK)
        return 0;
    size_t take = TRACUU_DOCVIEW_MAX_TEXT + 4 - d->text_len;
    if (take > rlen)
        take = rlen;
    char *t = realloc(d->text, d->text_len + take + 1);
    if (!t) {
        free(rest);
        return -1;
    }
    memcpy(t + d->text_len, rest, take);
    d->text = t;
    d->text_len += take;
    t[d->text_len] = '\0';
    free(rest);
    return 0;
}

void tracuu_db_copy_warnings(tracuu_db_t *db, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t k = tracuu_db_n_warnings(db);
    if (!k || !(*out = calloc(k, sizeof **out)))
        return;
    for (size_t i = 0; i < k; i++)
        if (((*out)[*n] = strdup(tracuu_db_warning(db, i))))
            (*n)++;
}

tracuu_status_t tracuu_docview(tracuu_db_t *db, tracuu_docid_t docid,
                               const char *query, tracuu_docview_t **out,
                               char **errmsg)
{
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    tu_parsed_t pq;
    memset(&pq, 0, sizeof pq);
    char *perr = NULL;
    tracuu_status_t rc;
    if (query && *query && (rc = tu_query_parse(db, query, &pq, &perr)) != TRACUU_OK) {
        set_err(errmsg, perr);
        return rc;
    }
    char *data = NULL;
    size_t len = 0;
    rc = tracuu_db_get_data(db, docid, &data, &len);
    if (rc != TRACUU_OK) {
        set_err(errmsg, strdup(rc == TRACUU_ERR_NOT_FOUND ? "no such document"
                                                         : tracuu_db_last_error(db)));
        tu_parsed_clear(&pq);
        return rc;
    }
    tu_docdata_t d;
    tracuu_docview_t *v = calloc(1, sizeof *v);
    if (!v || tu_docdata_read(data, len, 1, &d) != 0) {
        free(data);
        free(v);
        tu_parsed_clear(&pq);
        return TRACUU_ERR_NOMEM;
    }
    free(data);
    if (d.text_total > d.text_len && d.text_len < TRACUU_DOCVIEW_MAX_TEXT &&
        view_rest(db, docid, &d) != 0) {
        tu_docdata_clear(&d);
        free(v);
        tu_parsed_clear(&pq);
        return TRACUU_ERR_NOMEM;
    }
    v->text_total = d.text_total > d.text_len ? d.text_total : d.text_len;
    if (d.text_len > TRACUU_DOCVIEW_MAX_TEXT) {
        /* cut at a character boundary */
        size_t n = TRACUU_DOCVIEW_MAX_TEXT;
        while (n > 0 && ((unsigned char)d.text[n] & 0xC0) == 0x80)
            n--;
        d.text[n] = '\0';
        d.text_len = n;
    }
    v->docid = docid;
    v->path = d.path;
    v->title = d.title;
    v->text = d.text;
    v->text_len = d.text_len;
    snprintf(v->date, sizeof v->date, "%s", d.date);
    v->refs = d.refs;
    v->n_refs = d.n_refs;
    v->models = d.models;
    v->n_models = d.n_models;
    v->format = d.format;
    v->encoding = d.encoding;
    free(d.date);
    rc = tu_ident_take(db, &d, &v->own);
    if (rc == TRACUU_OK)
        rc = tu_ref_links(db, v->refs, v->n_refs, &v->ref_docids);
    d.path = d.title = d.text = d.format = d.encoding = d.date = NULL;
    d.refs = d.models = NULL;
    d.n_refs = d.n_models = 0;
    tu_docdata_clear(&d);
    if (rc == TRACUU_OK &&
        tu_highlight(v->text, v->text_len, pq.hl, pq.n_hl, &v->hl, &v->n_hl) != 0)
        rc = TRACUU_ERR_NOMEM;
    tu_parsed_clear(&pq);
    if (rc != TRACUU_OK) {
        tracuu_docview_free(v);
        return rc;
    }
    *out = v;
    return TRACUU_OK;
}

void tracuu_docview_free(tracuu_docview_t *v)
{
    if (!v)
        return;
    free(v->path);
    free(v->title);
    free(v->text);
    free(v->hl);
    free_list(v->refs, v->n_refs);
    free_list(v->models, v->n_models);
    free(v->ref_docids);
    tracuu_ident_clear(&v->own);
    free(v->format);
    free(v->encoding);
    free(v);
}
