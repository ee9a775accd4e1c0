/* The indexing pipeline: worker threads extract, normalise and build
 * documents in parallel; the main thread is the one writer to Xapian and
 * commits in batches, so the database is always openable, also after a
 * kill -9 (it then holds every batch committed before). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "indexer.h"
#include "tracuu/meta.h"
#include "tracuu/normalize.h"
#include "tracuu/schema.h"
#include "index/tu_indexdoc.h"
#include "index/tu_synonyms.h"
#include "base/tu_path.h"
#include "base/tu_buf.h"
#include "tracuu/search.h"

#define QUEUE 16
#define BATCH_DOCS 1000
#define BATCH_BYTES ((uint64_t)64 << 20)

enum { R_DOC, R_SAME, R_FAIL, R_DRY, R_SKIP };

typedef struct {
    ix_file_t *f;
    int has_old;
    char old_hash[24];
    tracuu_docid_t old_id;   /* with has_old: the document to touch up */
} job_t;

typedef struct {
    job_t *job;
    int kind;
    tracuu_doc_t *doc;
    tracuu_meta_t meta;
    char *err, *warning;
    char format[16], mime[80];
    const char *encoding;
    size_t text_len;
} result_t;

typedef struct {
    const ix_opts_t *o;
    job_t *jobs;
    size_t n_jobs;
    atomic_size_t next;
    pthread_mutex_t mu;
    pthread_cond_t not_full, not_empty;
    result_t *ring[QUEUE];
    size_t head, count;
    unsigned workers_left;
} pipe_t;

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static char *msg_dup(const char *a, const char *b)
{
    size_t n = strlen(a) + (b ? strlen(b) + 2 : 0) + 1;
    char *m = malloc(n);
    if (m)
        snprintf(m, n, b ? "%s: %s" : "%s", a, b);
    return m;
}

/* The file's content hash, or 0 with errno set. */
static int hash_file(const char *path, uint64_t *h)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buf[1 << 16];
    uint64_t v = TU_HASH_INIT;
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        v = tu_hash(v, buf, (size_t)n);
    int e = errno;
    close(fd);
    if (n < 0) {
        errno = e;
        return -1;
    }
    *h = v;
    return 0;
}

static void process(pipe_t *p, job_t *j, result_t *r)
{
    const ix_opts_t *o = p->o;
    r->job = j;
    char real[PATH_MAX];
    if (o->n_contain &&
        tu_path_contained(j->f->path, o->contain, o->n_contain, real) == TU_OUTSIDE) {
        /* replaced by a link leading out since the walk: not read */
        r->kind = R_SKIP;
        char m[PATH_MAX + 80];
        snprintf(m, sizeof m, "now leads out of the indexed folders (to %s): skipped", real);
        r->err = msg_dup(m, NULL);
        return;
    }
    uint64_t h = 0;
    if (!o->dry_run && hash_file(j->f->path, &h) != 0) {
        r->kind = R_FAIL;
        r->err = msg_dup("cannot read", strerror(errno));
        return;
    }
    char hex[24];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
    if (j->has_old && strcmp(hex, j->old_hash) == 0) {
        r->kind = R_SAME;
        return;
    }
    tracuu_extract_t x;
    memset(&x, 0, sizeof x);
    char *err = NULL;
    tracuu_status_t rc = tracuu_extract_file(j->f->path, &o->xopts, &x, &err);
    snprintf(r->format, sizeof r->format, "%s", x.format);
    snprintf(r->mime, sizeof r->mime, "%s", x.mime);
    r->encoding = x.encoding;
    if (rc != TRACUU_OK) {
        /* not for us (type, size limit, no text, needs --ocr): reported,
         * not a failure */
        r->kind = rc == TRACUU_ERR_UNSUPPORTED || rc == TRACUU_ERR_TOO_BIG ||
                  rc == TRACUU_ERR_EMPTY ? R_SKIP : R_FAIL;
        r->err = err ? err : msg_dup(tracuu_status_to_string(rc), NULL);
        tracuu_extract_clear(&x);
        return;
    }
    free(err);
    char *text = NULL;
    size_t len = 0, bad = 0;
    if (tracuu_norm_text(x.text, x.len, &text, &len, &bad) != TRACUU_OK) {
        r->kind = R_FAIL;
        r->err = msg_dup("out of memory", NULL);
        tracuu_extract_clear(&x);
        return;
    }
    r->warning = x.warning;
    x.warning = NULL;
    if (!r->warning && bad) {
        char m[96];
        snprintf(m, sizeof m, "%zu invalid character sequences replaced", bad);
        r->warning = msg_dup(m, NULL);
    }
    r->text_len = len;
    if (o->dry_run) {
        r->kind = R_DRY;
    } else {
        rc = tracuu_meta_extract(text, len, &r->meta);
        tu_docinput_t in = {
            .path = j->f->path, .text = text, .len = len, .title = x.title,
            .format = x.format, .encoding = x.encoding,
            .meta = rc == TRACUU_OK ? &r->meta : NULL,
            .size = j->f->size, .mtime = j->f->mtime, .hash = h};
        rc = tu_build_doc(&in, &r->doc);
        r->kind = rc == TRACUU_OK ? R_DOC : R_FAIL;
        if (rc != TRACUU_OK)
            r->err = msg_dup("cannot build document", tracuu_status_to_string(rc));
    }
    free(text);
    tracuu_extract_clear(&x);
}

static void *worker(void *arg)
{
    pipe_t *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n_jobs || stop_requested)
            break;
        result_t *r = calloc(1, sizeof *r);
        if (!r)
            break;
        process(p, &p->jobs[i], r);
        pthread_mutex_lock(&p->mu);
        while (p->count == QUEUE)
            pthread_cond_wait(&p->not_full, &p->mu);
        p->ring[(p->head + p->count) % QUEUE] = r;
        p->count++;
        pthread_cond_signal(&p->not_empty);
        pthread_mutex_unlock(&p->mu);
    }
    pthread_mutex_lock(&p->mu);
    p->workers_left--;
    pthread_cond_signal(&p->not_empty);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Next result, or NULL when every worker has finished. */
static result_t *take(pipe_t *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->count == 0 && p->workers_left > 0)
        pthread_cond_wait(&p->not_empty, &p->mu);
    result_t *r = NULL;
    if (p->count) {
        r = p->ring[p->head];
        p->head = (p->head + 1) % QUEUE;
        p->count--;
        pthread_cond_signal(&p->not_full);
    }
    pthread_mutex_unlock(&p->mu);
    return r;
}

static void result_free(result_t *r)
{
    tracuu_doc_free(r->doc);
    tracuu_meta_clear(&r->meta);
    free(r->err);
    free(r->warning);
    free(r);
}

static int db_error(tracuu_db_t *db, const char *what)
{
    tu_report(stderr, "tracuu-index", what, "%s", tracuu_db_last_error(db));
    return -1;
}

/* An unchanged file indexed with a problem: report the problem again, as
 * the run that indexed it did (so a re-run names the same files). */
static void old_warning(tracuu_db_t *db, const char *path, ix_stats_t *st)
{
    char uid[TU_UID_MAX + 1];
    tracuu_docid_t id = 0;
    char *w = NULL;
    size_t l = 0;
    tu_uid_term(path, uid);
    if (tracuu_db_find_term(db, uid, &id) == TRACUU_OK && id &&
        tracuu_db_get_value(db, id, TU_SLOT_WARNING, &w, &l) == TRACUU_OK &&
        w && l) {
        tu_report(stderr, "tracuu-index", path, "%s", w);
        st->warned++;
    }
    free(w);
}

/* Metadata and synonyms a document brings. */
static void write_knowledge(tracuu_db_t *db, const tracuu_meta_t *m)
{
    char key[600];
    for (size_t i = 0; i < m->n_refs; i++) {
        /* display form, then the year (from the number or its date) */
        char val[300];
        int year = m->refs[i].year;
        if (!year && m->refs[i].date[0])
            year = (int)strtol(m->refs[i].date, NULL, 10);
        int vl = snprintf(val, sizeof val, "%s\t%d", m->refs[i].ref, year);
        snprintf(key, sizeof key, "ref:%s", m->refs[i].key);
        if (!year) {  /* do not overwrite a year another document gave */
            char *old = NULL;
            size_t ol = 0;
            int known = tracuu_db_get_metadata(db, key, &old, &ol) == TRACUU_OK && ol;
            free(old);
            if (known)
                continue;
        }
        if (vl > 0 && (size_t)vl < sizeof val)
            tracuu_db_set_metadata(db, key, val, (size_t)vl);
    }
    for (size_t i = 0; i < m->n_models; i++) {
        char *k = tracuu_model_key(m->models[i], strlen(m->models[i]));
        if (!k)
            continue;
        snprintf(key, sizeof key, "model:%s", k);
        tracuu_db_set_metadata(db, key, m->models[i], strlen(m->models[i]));
        free(k);
    }
    for (size_t i = 0; i < m->n_pairs; i++) {
        tu_syn_add_pair(db, m->pairs[i].abbr, m->pairs[i].expansion);
        char a[256];
        if (tu_syn_key(m->pairs[i].abbr, strlen(m->pairs[i].abbr), a, sizeof a) <= 0)
            continue;
        snprintf(key, sizeof key, "abbr:%s", a);
        tracuu_db_set_metadata(db, key, m->pairs[i].expansion,
                               strlen(m->pairs[i].expansion));
    }
}

static int curated_cb(const char *abbr, const char *expansion, void *ctx)
{
    return tu_syn_add_pair(ctx, abbr, expansion) == 0 ? 0 : 1;
}

/* ------------------------------------------------- vanished files */

static int cmp_path(const void *a, const void *b)
{
    return strcmp(((const ix_file_t *)a)->path, ((const ix_file_t *)b)->path);
}

static int under(const char *path, char *const *roots, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!roots[i])
            continue;
        size_t l = strlen(roots[i]);
        if (strncmp(path, roots[i], l) == 0 &&
            (path[l] == '\0' || path[l] == '/' || (l > 0 && roots[i][l - 1] == '/')))
            return 1;
    }
    return 0;
}

typedef struct {
    tracuu_db_t *db;
    const ix_list_t *list;
    char *const *roots;
    size_t n_roots;
    char **gone;
    size_t n_gone, cap;
} vanish_t;

static int vanish_doc(tracuu_docid_t id, void *ctx)
{
    vanish_t *v = ctx;
    char *path = NULL;
    size_t len = 0;
    if (tracuu_db_get_value(v->db, id, TU_SLOT_PATH, &path, &len) != TRACUU_OK)
        return 0;
    ix_file_t key = {.path = path};
    if (len && under(path, v->roots, v->n_roots) &&
        !bsearch(&key, v->list->files, v->list->n, sizeof key, cmp_path)) {
        if (v->n_gone == v->cap) {
            size_t cap = v->cap ? v->cap * 2 : 16;
            char **g = realloc(v->gone, cap * sizeof *g);
            if (!g) {
                free(path);
                return 1;
            }
            v->gone = g;
            v->cap = cap;
        }
        v->gone[v->n_gone++] = path;
        return 0;
    }
    free(path);
    return 0;
}

static int vanish_term(const char *term, size_t len, uint32_t df, uint32_t cf,
                       void *ctx)
{
    (void)len; (void)df; (void)cf;
    vanish_t *v = ctx;
    tracuu_db_postings(v->db, term, vanish_doc, v);
    return 0;
}

static size_t remove_vanished(tracuu_db_t *db, ix_list_t *list,
                              char *const *roots, size_t n_roots)
{
    vanish_t v = {db, list, roots, n_roots, NULL, 0, 0};
    tracuu_db_all_terms(db, TU_PREFIX_UID, vanish_term, &v);
    size_t removed = 0;
    for (size_t i = 0; i < v.n_gone; i++) {
        char uid[TU_UID_MAX + 1];
        tu_uid_term(v.gone[i], uid);
        if (tracuu_db_delete(db, uid) == TRACUU_OK)
            removed++;
        free(v.gone[i]);
    }
    free(v.gone);
    return removed;
}

/* ---------------------------------------------------------- the run */

/* Record the real roots (and allowed outside roots) in the metadata key
 * "roots", one a line, adding to those of earlier runs: the search page
 * re-checks that a document's file still lies under one of them. */
static void record_roots(tracuu_db_t *db, const char *const *roots, size_t n)
{
    char *old = NULL;
    size_t ol = 0;
    if (tracuu_db_get_metadata(db, TRACUU_META_ROOTS, &old, &ol) != TRACUU_OK)
        return;
    tu_buf_t b;
    tu_buf_init(&b, 1 << 20);
    tu_buf_add(&b, old ? old : "", ol);
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        if (!roots[i] || strchr(roots[i], '\n'))
            continue;
        size_t rl = strlen(roots[i]);
        int known = 0;
        for (const char *p = b.p; p && *p && !known;) {
            const char *e = strchr(p, '\n');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            known = l == rl && memcmp(p, roots[i], rl) == 0;
            p = e ? e + 1 : p + l;
        }
        if (known)
            continue;
        if (b.len)
            tu_buf_addc(&b, '\n');
        tu_buf_adds(&b, roots[i]);
        changed = 1;
    }
    if (changed && !b.failed)
        tracuu_db_set_metadata(db, TRACUU_META_ROOTS, b.p, b.len);
    tu_buf_free(&b);
    free(old);
}

/* The database folder PATH (or, when it does not exist yet, the folder
 * that would hold it) cannot be written. */
static int read_only(const char *path)
{
    if (access(path, F_OK) == 0) {
        if (access(path, W_OK) != 0 && (errno == EACCES || errno == EROFS))
            return 1;
        char lock[PATH_MAX];
        snprintf(lock, sizeof lock, "%s/flintlock", path);
        return access(lock, F_OK) == 0 && access(lock, W_OK) != 0 &&
               (errno == EACCES || errno == EROFS);
    }
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", path);
    char *slash = strrchr(parent, '/');
    if (slash == parent)
        parent[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(parent, sizeof parent, ".");
    return access(parent, W_OK) != 0 && (errno == EACCES || errno == EROFS);
}

int ix_run(const ix_opts_t *o, ix_list_t *list, char *const *roots,
           size_t n_roots, ix_stats_t *st)
{
    memset(st, 0, sizeof *st);
    double t0 = ix_now();
    tracuu_db_t *db = NULL;
    if (!o->dry_run) {
        char *err = NULL;
        tracuu_status_t rc = tracuu_db_open(o->db_path, TRACUU_DB_WRITE, &db, &err);
        if (rc != TRACUU_OK) {
            fprintf(stderr, "tracuu-index: %s\n", err ? err : tracuu_status_to_string(rc));
            if (read_only(o->db_path))
                tu_report(stderr, "tracuu-index", o->db_path, "the database is read-only "
                          "(no permission to write there, or a read-only file system)");
            else if (rc == TRACUU_ERR_DB_LOCKED)
                fprintf(stderr, "tracuu-index: is another tracuu-index running on it?\n");
            free(err);
            st->fatal = 1;
            return -1;
        }
    }
    qsort(list->files, list->n, sizeof *list->files, cmp_path);

    /* Which files need work: size+mtime decide, then the content hash. */
    job_t *jobs = calloc(list->n ? list->n : 1, sizeof *jobs);
    size_t n_jobs = 0;
    uint64_t work_bytes = 0;
    if (!jobs) {
        tracuu_db_close(db);
        st->fatal = 1;
        return -1;
    }
    for (size_t i = 0; i < list->n; i++) {
        ix_file_t *f = &list->files[i];
        job_t *j = &jobs[n_jobs];
        j->f = f;
        j->has_old = 0;
        if (db && !o->force) {
            char uid[TU_UID_MAX + 1];
            tracuu_docid_t id = 0;
            tu_uid_term(f->path, uid);
            if (tracuu_db_find_term(db, uid, &id) == TRACUU_OK && id) {
                char *size = NULL, *mtime = NULL, *hash = NULL;
                size_t l;
                char want[32];
                snprintf(want, sizeof want, "%llu", (unsigned long long)f->size);
                tracuu_db_get_value(db, id, TU_SLOT_SIZE, &size, &l);
                tracuu_db_get_value(db, id, TU_SLOT_MTIME, &mtime, &l);
                tracuu_db_get_value(db, id, TU_SLOT_HASH, &hash, &l);
                int same = size && mtime && strcmp(size, want) == 0 &&
                           strcmp(mtime, f->mtime) == 0;
                if (!same && size && strcmp(size, want) == 0 && hash) {
                    j->has_old = 1;  /* touched? the hash will tell */
                    j->old_id = id;
                    snprintf(j->old_hash, sizeof j->old_hash, "%s", hash);
                }
                free(size);
                free(mtime);
                free(hash);
                if (same) {
                    st->unchanged++;
                    old_warning(db, f->path, st);
                    continue;
                }
            }
        }
        work_bytes += f->size;
        n_jobs++;
    }

    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    stop_requested = 0;

    pipe_t p;
    memset(&p, 0, sizeof p);
    p.o = o;
    p.jobs = jobs;
    p.n_jobs = n_jobs;
    atomic_init(&p.next, 0);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.not_full, NULL);
    pthread_cond_init(&p.not_empty, NULL);
    unsigned nw = o->jobs ? o->jobs : 2;
    if (nw > 64)
        nw = 64;
    pthread_t tids[64];
    p.workers_left = 0;
    for (unsigned i = 0; i < nw && n_jobs; i++) {
        pthread_mutex_lock(&p.mu);
        p.workers_left++;
        pthread_mutex_unlock(&p.mu);
        if (pthread_create(&tids[i], NULL, worker, &p) != 0) {
            pthread_mutex_lock(&p.mu);
            p.workers_left--;
            pthread_mutex_unlock(&p.mu);
            nw = i;
            break;
        }
    }
    if (n_jobs == 0)
        nw = 0;

    ix_progress_t prog;
    ix_progress_init(&prog, o->progress, n_jobs, work_bytes);
    size_t done = 0, batch = 0;
    uint64_t batch_bytes = 0;
    double last_commit = ix_now();
    int dbfail = 0;
    result_t *r;
    while ((r = take(&p))) {
        ix_file_t *f = r->job->f;
        done++;
        st->bytes += f->size;
        if (r->warning) {
            ix_progress_done(&prog);
            tu_report(stderr, "tracuu-index", f->path, "%s", r->warning);
            st->warned++;
        }
        switch (r->kind) {
        case R_FAIL:
            ix_progress_done(&prog);
            tu_report(stderr, "tracuu-index", f->path, "%s", r->err ? r->err : "failed");
            st->failed++;
            break;
        case R_SKIP:
            if (!o->quiet) {
                ix_progress_done(&prog);
                tu_report(stderr, "tracuu-index", f->path, "%s (skipped)",
                          r->err ? r->err : "not supported");
            }
            st->skipped++;
            break;
        case R_SAME:
            st->unchanged++;
            if (db) {
                old_warning(db, f->path, st);
                /* record the new mtime: the next run skips it unread */
                if (!dbfail && tracuu_db_set_doc_value(db, r->job->old_id, TU_SLOT_MTIME,
                                                       f->mtime, strlen(f->mtime)) == TRACUU_OK)
                    batch++;
            }
            break;
        case R_DRY: {
            char *name = tu_name_escape(f->path);
            printf("%s\t%s\t%s\t%s\t%zu bytes of text\n", name ? name : "?", r->format,
                   r->mime, r->encoding ? r->encoding : "-", r->text_len);
            free(name);
            st->indexed++;
            break;
        }
        case R_DOC: {
            char uid[TU_UID_MAX + 1];
            tu_uid_term(f->path, uid);
            if (dbfail)
                break;
            if (r->warning &&
                tracuu_doc_set_value(r->doc, TU_SLOT_WARNING, r->warning,
                                     strlen(r->warning)) != TRACUU_OK) {
                tu_report(stderr, "tracuu-index", f->path, "out of memory");
                st->failed++;
                break;
            }
            if (tracuu_db_replace(db, uid, r->doc, NULL) != TRACUU_OK) {
                db_error(db, f->path);
                dbfail = 1;
                stop_requested = 1;
                break;
            }
            write_knowledge(db, &r->meta);
            st->indexed++;
            batch++;
            batch_bytes += f->size;
            break;
        }
        }
        result_free(r);
        /* commit every BATCH_DOCS documents, BATCH_BYTES bytes or
         * commit_interval seconds, whichever comes first: a slow archive
         * killed early keeps what was done */
        int due = batch >= BATCH_DOCS || batch_bytes >= BATCH_BYTES ||
                  (batch && o->commit_interval &&
                   ix_now() - last_commit >= (double)o->commit_interval);
        if (db && !dbfail && due) {
            last_commit = ix_now();
            if (tracuu_db_commit(db) != TRACUU_OK) {
                db_error(db, "commit failed");
                dbfail = 1;
                stop_requested = 1;
            }
            batch = 0;
            batch_bytes = 0;
        }
        ix_progress_update(&prog, done, st->bytes, 0);
    }
    for (unsigned i = 0; i < nw; i++)
        pthread_join(tids[i], NULL);
    ix_progress_update(&prog, done, st->bytes, 1);
    ix_progress_done(&prog);
    st->interrupted = stop_requested && !dbfail;

    if (db && !dbfail) {
        if (!st->interrupted)
            st->removed = remove_vanished(db, list, roots, n_roots);
        record_roots(db, o->contain, o->n_contain);
        tracuu_abbr_each(curated_cb, db);
        if (tracuu_db_commit(db) != TRACUU_OK) {
            db_error(db, "commit failed");
            dbfail = 1;
        }
    }
    tracuu_db_close(db);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.not_full);
    pthread_cond_destroy(&p.not_empty);
    free(jobs);
    st->fatal = dbfail;
    st->seconds = ix_now() - t0;
    return dbfail ? -1 : 0;
}
