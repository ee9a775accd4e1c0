/* Archive listings: document numbers (--refs) and models (--models) with
 * the documents naming them, for the whole archive or a query's matches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/search.h"
#include "tracuu/meta.h"
#include "tracuu/schema.h"
#include "search/tu_query.h"

#define MAX_PATHS 1000

typedef struct {
    char *key;
    tracuu_docid_t *ids;
    size_t n, cap;
} entry_t;

typedef struct {
    tracuu_db_t *db;
    const char *prefix;
    size_t plen;
    entry_t *e;
    size_t n, cap;
    size_t *slot;            /* open-addressing index into e: i + 1, 0 empty */
    size_t nslot;            /* a power of two, at least twice n */
    tracuu_docid_t current;  /* the document whose terms are being read */
    int failed;
} acc_t;

static size_t key_hash(const char *k)
{
    size_t h = 1469598103934665603u;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211u;
    return h;
}

/* Rebuild the index with NSLOT slots. */
static int reindex(acc_t *a, size_t nslot)
{
    size_t *slot = calloc(nslot, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < a->n; i++) {
        size_t j = key_hash(a->e[i].key) & (nslot - 1);
        while (slot[j])
            j = (j + 1) & (nslot - 1);
        slot[j] = i + 1;
    }
    free(a->slot);
    a->slot = slot;
    a->nslot = nslot;
    return 0;
}

/* The entry for KEY, made if new: one hash probe, not a scan, since a
 * listing over a large archive holds thousands of document numbers. */
static entry_t *entry(acc_t *a, const char *key)
{
    if (2 * (a->n + 1) > a->nslot && reindex(a, a->nslot ? a->nslot * 2 : 256) != 0)
        return NULL;
    size_t j = key_hash(key) & (a->nslot - 1);
    for (; a->slot[j]; j = (j + 1) & (a->nslot - 1))
        if (strcmp(a->e[a->slot[j] - 1].key, key) == 0)
            return &a->e[a->slot[j] - 1];
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        entry_t *e = realloc(a->e, cap * sizeof *e);
        if (!e)
            return NULL;
        a->e = e;
        a->cap = cap;
    }
    entry_t *e = &a->e[a->n];
    memset(e, 0, sizeof *e);
    if (!(e->key = strdup(key)))
        return NULL;
    a->slot[j] = ++a->n;
    return e;
}

static int add_id(entry_t *e, tracuu_docid_t id)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        tracuu_docid_t *ids = realloc(e->ids, cap * sizeof *ids);
        if (!ids)
            return -1;
        e->ids = ids;
        e->cap = cap;
    }
    e->ids[e->n++] = id;
    return 0;
}

static int posting_cb(tracuu_docid_t id, void *ctx)
{
    entry_t *e = ctx;
    return add_id(e, id);
}

static int all_cb(const char *term, size_t len, uint32_t df, uint32_t cf, void *ctx)
{
    (void)len; (void)df; (void)cf;
    acc_t *a = ctx;
    entry_t *e = entry(a, term + a->plen);
    if (!e) {
        a->failed = 1;
        return 1;
    }
    tracuu_db_postings(a->db, term, posting_cb, e);
    return 0;
}

static int doc_cb(const char *term, size_t len, uint32_t df, uint32_t cf, void *ctx)
{
    (void)len; (void)df; (void)cf;
    acc_t *a = ctx;
    entry_t *e = entry(a, term + a->plen);
    if (!e || add_id(e, a->current) != 0) {
        a->failed = 1;
        return 1;
    }
    return 0;
}

static int by_count(const void *x, const void *y)
{
    const tracuu_listing_item_t *a = x, *b = y;
    if (a->documents != b->documents)
        return a->documents > b->documents ? -1 : 1;
    return strcmp(a->name, b->name);
}

static char *display(tracuu_db_t *db, const char *kind, const char *key)
{
    char mkey[600];
    snprintf(mkey, sizeof mkey, "%s:%s", kind, key);
    char *v = NULL;
    size_t len = 0;
    if (tracuu_db_get_metadata(db, mkey, &v, &len) == TRACUU_OK && len)
        return v;
    free(v);
    return strdup(key);
}

tracuu_status_t tracuu_listing(tracuu_db_t *db, int what, const char *query,
                               tracuu_listing_t **out, char **errmsg)
{
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    acc_t a = {.db = db, .prefix = what == TRACUU_LIST_REFS ? TU_PREFIX_REF
                                                           : TU_PREFIX_MODEL};
    a.plen = strlen(a.prefix);
    tracuu_status_t rc = TRACUU_OK;
    if (query && *query) {
        tu_parsed_t pq;
        rc = tu_query_parse(db, query, &pq, errmsg);
        if (rc != TRACUU_OK)
            return rc;
        tracuu_search_opts_t o;
        memset(&o, 0, sizeof o);
        o.limit = tracuu_db_doccount(db);
        o.sort_slot = -1;
        tracuu_mset_t *m = NULL;
        if (o.limit && pq.q && (rc = tracuu_db_search(db, pq.q, &o, &m)) == TRACUU_OK) {
            for (uint32_t i = 0; i < tracuu_mset_size(m) && !a.failed; i++) {
                a.current = tracuu_mset_docid(m, i);
                tracuu_db_doc_terms(db, a.current, a.prefix, doc_cb, &a);
            }
        }
        tracuu_mset_free(m);
        tu_parsed_clear(&pq);
    } else {
        rc = tracuu_db_all_terms(db, a.prefix, all_cb, &a);
    }
    tracuu_listing_t *l = calloc(1, sizeof *l);
    if (!l || a.failed)
        rc = TRACUU_ERR_NOMEM;
    if (rc == TRACUU_OK && a.n && !(l->items = calloc(a.n, sizeof *l->items)))
        rc = TRACUU_ERR_NOMEM;
    for (size_t i = 0; i < a.n && rc == TRACUU_OK; i++) {
        entry_t *e = &a.e[i];
        tracuu_listing_item_t *it = &l->items[l->n++];
        it->name = display(db, what == TRACUU_LIST_REFS ? "ref" : "model", e->key);
        it->documents = (uint32_t)e->n;
        if (what == TRACUU_LIST_REFS) {
            /* metadata "ref:KEY" holds "DISPLAY\tYEAR" */
            char *tab = it->name ? strchr(it->name, '\t') : NULL;
            if (tab) {
                *tab = '\0';
                it->year = (int)strtol(tab + 1, NULL, 10);
            }
            tracuu_ref_t r;
            memset(&r, 0, sizeof r);
            if (it->name && tracuu_ref_parse(it->name, strlen(it->name), &r) == TRACUU_OK) {
                it->type = strdup(r.type ? r.type : "");
                it->issuer = strdup(r.issuer ? r.issuer : "");
                if (!it->year)
                    it->year = r.year;
            }
            tracuu_ref_clear(&r);
        }
        if (!it->type)
            it->type = strdup("");
        if (!it->issuer)
            it->issuer = strdup("");
        size_t np = e->n < MAX_PATHS ? e->n : MAX_PATHS;
        it->paths = np ? calloc(np, sizeof *it->paths) : NULL;
        for (size_t j = 0; j < np && it->paths; j++) {
            size_t len;
            if (tracuu_db_get_value(db, e->ids[j], TU_SLOT_PATH, &it->paths[it->n_paths],
                                    &len) == TRACUU_OK)
                it->n_paths++;
        }
        if (!it->name || !it->type || !it->issuer)
            rc = TRACUU_ERR_NOMEM;
    }
    for (size_t i = 0; i < a.n; i++) {
        free(a.e[i].key);
        free(a.e[i].ids);
    }
    free(a.e);
    free(a.slot);
    if (rc != TRACUU_OK) {
        tracuu_listing_free(l);
        if (errmsg && !*errmsg)
            *errmsg = strdup(tracuu_db_last_error(db));
        return rc;
    }
    if (l->n)
        qsort(l->items, l->n, sizeof *l->items, by_count);
    tracuu_db_copy_warnings(db, &l->warnings, &l->n_warnings);
    *out = l;
    return TRACUU_OK;
}

void tracuu_listing_free(tracuu_listing_t *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        tracuu_listing_item_t *it = &l->items[i];
        free(it->name);
        free(it->type);
        free(it->issuer);
        for (size_t j = 0; j < it->n_paths; j++)
            free(it->paths[j]);
        free(it->paths);
    }
    free(l->items);
    for (size_t i = 0; i < l->n_warnings; i++)
        free(l->warnings[i]);
    free(l->warnings);
    free(l);
}
