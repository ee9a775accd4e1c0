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
#include "index/tu_modelforms.h"
#include "index/tu_synonyms.h"
#include "base/tu_path.h"
#include "base/tu_buf.h"
#include "tracuu/search.h"

#define QUEUE 16
/* A writer commits after BATCH_DOCS documents or BATCH_TEXT bytes of
 * their text, whichever comes first.  Until then Xapian holds the batch's
 * postings in memory, about 9 bytes for each byte of text (4,000 documents
 * of the bench archive, 28.7 MB of text: two writers peaked at 581 MB, so
 * about 260 MB each), so the text bounds the writer's memory whatever the
 * size of the files. */
#define BATCH_DOCS 1000
#define BATCH_TEXT ((uint64_t)24 << 20)
/* A part of a first build commits less often: a commit rewrites blocks all
 * over its database and waits for the disk, and an interrupted build only
 * redoes what its parts had not committed. */
#define PART_BATCH_DOCS 4000
#define PART_BATCH_TEXT ((uint64_t)16 << 20)
#define PART_COMMIT_S 120

enum { R_PARTS, R_SAME, R_FAIL, R_SKIP };

typedef struct {
    ix_file_t *f;
    int has_old;
    char old_hash[24];
    tracuu_docid_t old_id;   /* with has_old: the document to touch up */
} job_t;

typedef struct {
    job_t *job;
    int kind;
    char *err;           /* R_FAIL: the file could not be read */
    ix_parts_t parts;    /* R_PARTS: the file and its members (members.c) */
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
    pthread_t tids[64];  /* its workers */
    unsigned nw;
    struct out *out;     /* shared by every pipe */
} pipe_t;

/* What the writers share: the progress line and stderr. */
typedef struct out {
    pthread_mutex_t mu;
    ix_progress_t prog;
    size_t done;
    uint64_t done_bytes;
} out_t;

/* One writer: the main thread (one database, written in place), or one of
 * the threads of a first build on several cores, each filling its own part
 * database with its documents and what they teach (metadata, synonyms),
 * merged at the end (build.c). */
typedef struct {
    pipe_t *p;
    tracuu_db_t *db;
    ix_stats_t st;         /* this writer's counts */
    size_t batch;
    uint64_t batch_text;
    double last_commit;
    size_t max_docs;       /* commit after this many documents */
    uint64_t max_text;     /* or bytes of their text */
    unsigned max_s;        /* or seconds (0: no timer) */
    int dbfail;
    pthread_t tid;
    /* a writer of a first build: DB/.build/part-PART-SEG, the next one
     * after every MAX_PART_FILES files (0: one database throughout) */
    unsigned part, seg;
    size_t max_part_files;
    size_t taken;          /* files written so far, of p->n_jobs */
} writer_t;

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
        snprintf(m, sizeof m, "symbolic link leads out of the indexed folders (to %s)", real);
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
    r->kind = R_PARTS;
    ix_parts_build(o, j->f, h, &r->parts);
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
    ix_parts_free(&r->parts);
    free(r->err);
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
        tu_model_form_add(db, k, m->models[i]);   /* "model:KEY": the best form */
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
    if (len && under(path, v->roots, v->n_roots) &&
        !ix_in_list_or_container(path, v->list, cmp_path)) {
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

/* Open W's part database DB/.build/part-PART-SEG.  0, or -1 named on
 * stderr. */
static int open_part(const ix_opts_t *o, writer_t *w)
{
    char name[48], path[PATH_MAX];
    char *err = NULL;
    snprintf(name, sizeof name, "part-%u-%u", w->part, w->seg);
    if (ix_build_path(o->db_path, name, path, sizeof path) != 0)
        return -1;
    if (tracuu_db_open(path, TRACUU_DB_WRITE, &w->db, &err) != TRACUU_OK) {
        fprintf(stderr, "tracuu-index: %s\n", err ? err : "cannot open a part database");
        free(err);
        return -1;
    }
    return 0;
}

static int writer_commit(writer_t *w)
{
    w->last_commit = ix_now();
    w->batch = 0;
    w->batch_text = 0;
    if (tracuu_db_commit(w->db) != TRACUU_OK)
        return db_error(w->db, "commit failed");
    return 0;
}

/* Write one file's result: its documents (or the failure, the skip, the
 * unchanged file's new mtime), reported on stderr; commit when a batch is
 * due. */
static void consume(writer_t *w, const ix_opts_t *o, result_t *r)
{
    out_t *p = w->p->out;
    ix_stats_t *st = &w->st;
    tracuu_db_t *db = w->db;
    ix_file_t *f = r->job->f;
    pthread_mutex_lock(&p->mu);
    p->done++;
    p->done_bytes += f->size;
    st->bytes += f->size;
    if (r->kind == R_FAIL) {
        ix_progress_done(&p->prog);
        tu_report(stderr, "tracuu-index", f->path, "%s", r->err ? r->err : "failed");
        st->failed++;
    } else if (r->kind == R_SKIP) {
        if (!o->quiet) {
            ix_progress_done(&p->prog);
            tu_report(stderr, "tracuu-index", f->path, "%s", r->err ? r->err : "skipped");
        }
        st->skipped++;
    }
    pthread_mutex_unlock(&p->mu);
    if (r->kind == R_SAME) {
        st->unchanged++;
        if (db) {
            old_warning(db, f->path, st);
            /* record the new mtime: the next run skips it unread */
            if (!w->dbfail && tracuu_db_set_doc_value(db, r->job->old_id, TU_SLOT_MTIME,
                                                      f->mtime, strlen(f->mtime)) == TRACUU_OK)
                w->batch++;
        }
    } else if (db && !w->dbfail && r->kind == R_PARTS && r->parts.n &&
               r->parts.v[0].kind == IX_DOC && ix_drop_members(db, f->path) != 0) {
        db_error(db, f->path);  /* a changed file's old members go */
        w->dbfail = 1;
        stop_requested = 1;
    }
    for (size_t k = 0; r->kind == R_PARTS && k < r->parts.n; k++) {
        ix_part_t *it = &r->parts.v[k];
        const char *path = it->path;
        if (it->warning) {
            pthread_mutex_lock(&p->mu);
            ix_progress_done(&p->prog);
            tu_report(stderr, "tracuu-index", path, "%s", it->warning);
            pthread_mutex_unlock(&p->mu);
            st->warned++;
        }
        switch (it->kind) {
        case IX_FAIL:
            pthread_mutex_lock(&p->mu);
            ix_progress_done(&p->prog);
            tu_report(stderr, "tracuu-index", path, "%s", it->err ? it->err : "failed");
            pthread_mutex_unlock(&p->mu);
            st->failed++;
            break;
        case IX_SKIP:
            if (!o->quiet) {
                pthread_mutex_lock(&p->mu);
                ix_progress_done(&p->prog);
                tu_report(stderr, "tracuu-index", path, "%s (skipped)",
                          it->err ? it->err : "not supported");
                pthread_mutex_unlock(&p->mu);
            }
            st->skipped++;
            break;
        case IX_DRY: {
            char *name = tu_name_escape(path);
            printf("%s\t%s\t%s\t%s\t%zu bytes of text\n", name ? name : "?",
                   it->format, it->mime, it->encoding ? it->encoding : "-",
                   it->text_len);
            free(name);
            st->indexed++;
            break;
        }
        case IX_DOC: {
            char uid[TU_UID_MAX + 1];
            tu_uid_term(path, uid);
            if (w->dbfail)
                break;
            if (it->warning &&
                tracuu_doc_set_value(it->doc, TU_SLOT_WARNING, it->warning,
                                     strlen(it->warning)) != TRACUU_OK) {
                tu_report(stderr, "tracuu-index", path, "out of memory");
                st->failed++;
                break;
            }
            if (tracuu_db_replace(db, uid, it->doc, NULL) != TRACUU_OK) {
                db_error(db, path);
                w->dbfail = 1;
                stop_requested = 1;
                break;
            }
            write_knowledge(db, &it->meta);
            st->indexed++;
            w->batch++;
            w->batch_text += it->text_len;
            break;
        }
        }
    }
    /* commit every BATCH_DOCS documents, BATCH_TEXT bytes of text or
     * commit_interval seconds (a part: PART_*), whichever comes first: a
     * slow archive killed early keeps what was done */
    int due = w->batch >= w->max_docs || w->batch_text >= w->max_text ||
              (w->batch && w->max_s && ix_now() - w->last_commit >= (double)w->max_s);
    if (db && !w->dbfail && due && writer_commit(w) != 0) {
        w->dbfail = 1;
        stop_requested = 1;
    }
    /* a part of a first build is full: committed and closed, and the next
     * one started, while files are left for it */
    w->taken++;
    if (w->max_part_files && db && !w->dbfail && w->taken % w->max_part_files == 0 &&
        w->taken < w->p->n_jobs) {
        int bad = writer_commit(w) != 0;
        tracuu_db_close(w->db);
        w->db = NULL;
        w->seg++;
        if (bad || open_part(o, w) != 0) {
            w->dbfail = 1;
            stop_requested = 1;
        }
    }
    pthread_mutex_lock(&p->mu);
    ix_progress_update(&p->prog, p->done, p->done_bytes, 0);
    pthread_mutex_unlock(&p->mu);
}

/* The writer takes the results in the order of the sorted file list, so
 * documents are numbered in path order whatever the workers' timing (the
 * same archive gives the same database, and equal scores the same order).
 * A result that comes early waits in a window of REORDER; one further ahead
 * (a file far slower than those after it) is written at once. */
#define REORDER 64

static void write_one(writer_t *w, result_t *r)
{
    consume(w, w->p->o, r);
    result_free(r);
}

static void *writer_main(void *arg)
{
    writer_t *w = arg;
    pipe_t *p = w->p;
    result_t *wait[REORDER] = {NULL};
    unsigned char *ahead = calloc(p->n_jobs / 8 + 1, 1);  /* written early */
    size_t next = 0;  /* index of the next result in order */
    result_t *r;
    while ((r = take(p))) {
        size_t i = (size_t)(r->job - p->jobs);
        if (!ahead || i < next || i - next >= REORDER) {
            if (ahead && i >= next)
                ahead[i / 8] |= (unsigned char)(1u << (i % 8));
            write_one(w, r);
        } else {
            wait[i % REORDER] = r;
        }
        for (;;) {   /* everything now in order */
            result_t *q = wait[next % REORDER];
            if (q && (size_t)(q->job - p->jobs) == next) {
                wait[next % REORDER] = NULL;
                write_one(w, q);
            } else if (!(ahead && next < p->n_jobs &&
                         (ahead[next / 8] & (1u << (next % 8))))) {
                break;
            }
            next++;
        }
    }
    /* results after a job never done (a stop): in order */
    for (size_t k = 0; k < REORDER; k++, next++)
        if (wait[next % REORDER]) {
            write_one(w, wait[next % REORDER]);
            wait[next % REORDER] = NULL;
        }
    free(ahead);
    return NULL;
}

/* Writers of a first build: how many (1: write the database in place). */
static unsigned build_writers(const ix_opts_t *o, size_t n_jobs)
{
    if (o->writers)
        return o->writers > IX_MAX_WRITERS ? IX_MAX_WRITERS : o->writers;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (n_jobs < IX_BUILD_MIN_FILES || cpus < 2)
        return 1;
    return cpus > IX_MAX_WRITERS ? IX_MAX_WRITERS : (unsigned)cpus;
}

static void stats_add(ix_stats_t *to, const ix_stats_t *from)
{
    to->indexed += from->indexed;
    to->unchanged += from->unchanged;
    to->removed += from->removed;
    to->failed += from->failed;
    to->warned += from->warned;
    to->skipped += from->skipped;
    to->bytes += from->bytes;
}

/* Open the first part databases of a first build (build.c) into
 * W[0..N).  0, or -1 named on stderr. */
static int open_parts(const ix_opts_t *o, writer_t *w, unsigned n)
{
    if (ix_build_start(o->db_path) != 0)
        return -1;
    for (unsigned i = 0; i < n; i++) {
        w[i].part = i + 1;
        w[i].seg = 1;
        if (open_part(o, &w[i]) != 0)
            return -1;
    }
    return 0;
}

/* Files per part: IX_PART_FILES, or TRACUU_PART_FILES (a bad value is
 * named, and the default used). */
static size_t part_files_wanted(void)
{
    const char *env = getenv("TRACUU_PART_FILES");
    if (!env)
        return IX_PART_FILES;
    char *end;
    errno = 0;
    unsigned long v = strtoul(env, &end, 10);
    if (!*env || *end || errno || v == 0 || env[0] == '-') {
        fprintf(stderr, "tracuu-index: TRACUU_PART_FILES=%s: not a number of files "
                "(1 or more); using %d\n", env, IX_PART_FILES);
        return IX_PART_FILES;
    }
    return (size_t)v;
}

/* Files per part of a writer with N_FILES files, one of N_WRITERS: PER,
 * more where IX_MAX_PARTS parts would not hold them all. */
static size_t files_per_part(size_t per, size_t n_files, unsigned n_writers)
{
    size_t most = IX_MAX_PARTS / n_writers;
    size_t need = (n_files + most - 1) / most;
    return per < need ? need : per;
}

/* What a run writes after its documents: the roots it read, the curated
 * abbreviations. */
static void end_knowledge(tracuu_db_t *db, const ix_opts_t *o)
{
    record_roots(db, o->contain, o->n_contain);
    tracuu_abbr_each(curated_cb, db);
}

int ix_run(const ix_opts_t *o, ix_list_t *list, char *const *roots,
           size_t n_roots, ix_stats_t *st)
{
    memset(st, 0, sizeof *st);
    double t0 = ix_now();
    tracuu_db_t *db = NULL;
    if (!o->dry_run) {
        /* a first build a crash interrupted is finished first */
        if (ix_build_recover(o->db_path, o->quiet) != 0) {
            st->fatal = 1;
            return -1;
        }
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
    if (list->n)
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

    /* An empty database and enough files: a first build on several cores,
     * each writer filling a part database, merged and compacted at the end
     * (build.c).  Otherwise the main thread writes the database in place. */
    unsigned n_writers = 1;
    int first_build = db && n_jobs && tracuu_db_doccount(db) == 0;
    if (first_build)
        n_writers = build_writers(o, n_jobs);
    int building = n_writers > 1;
    writer_t w[IX_MAX_WRITERS];
    memset(w, 0, sizeof w);
    if (building) {
        tracuu_db_close(db);   /* the parts take its place until the end */
        db = NULL;
        if (open_parts(o, w, n_writers) != 0) {
            for (unsigned i = 0; i < n_writers; i++)
                tracuu_db_close(w[i].db);
            free(jobs);
            st->fatal = 1;
            return -1;
        }
    }

    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    stop_requested = 0;

    /* One pipe per writer, each over a run of the sorted files (split by
     * bytes), so the merged database numbers documents in path order, as
     * one writer would. */
    out_t out;
    memset(&out, 0, sizeof out);
    pthread_mutex_init(&out.mu, NULL);
    ix_progress_init(&out.prog, o->progress, n_jobs, work_bytes);
    pipe_t pipes[IX_MAX_WRITERS];
    memset(pipes, 0, sizeof pipes);
    unsigned nw = o->jobs ? o->jobs : 2;
    if (nw > 64)
        nw = 64;
    unsigned per = (nw + n_writers - 1) / n_writers;
    size_t per_part = building ? part_files_wanted() : 0;
    size_t from = 0;
    uint64_t acc = 0;
    double now = ix_now();
    for (unsigned k = 0; k < n_writers; k++) {
        pipe_t *p = &pipes[k];
        size_t to = from;
        if (k + 1 == n_writers)
            to = n_jobs;
        else
            while (to < n_jobs && acc < work_bytes / n_writers * (k + 1))
                acc += jobs[to++].f->size;
        p->o = o;
        p->jobs = jobs + from;
        p->n_jobs = to - from;
        p->out = &out;
        from = to;
        atomic_init(&p->next, 0);
        pthread_mutex_init(&p->mu, NULL);
        pthread_cond_init(&p->not_full, NULL);
        pthread_cond_init(&p->not_empty, NULL);
        for (unsigned i = 0; i < per && p->n_jobs; i++) {
            pthread_mutex_lock(&p->mu);
            p->workers_left++;
            pthread_mutex_unlock(&p->mu);
            if (pthread_create(&p->tids[i], NULL, worker, p) != 0) {
                pthread_mutex_lock(&p->mu);
                p->workers_left--;
                pthread_mutex_unlock(&p->mu);
                break;
            }
            p->nw++;
        }
        if (p->n_jobs && p->nw == 0)
            stop_requested = 1;   /* no thread at all: nothing would be read */
        w[k].p = p;
        w[k].last_commit = now;
        w[k].max_docs = building ? PART_BATCH_DOCS : BATCH_DOCS;
        w[k].max_text = building ? PART_BATCH_TEXT : BATCH_TEXT;
        w[k].max_s = !o->commit_interval ? 0
                     : building && o->commit_interval < PART_COMMIT_S ? PART_COMMIT_S
                                                                      : o->commit_interval;
        if (!building)
            w[k].db = db;
        else
            w[k].max_part_files = files_per_part(per_part, p->n_jobs, n_writers);
    }
    if (!building) {
        writer_main(&w[0]);
    } else {
        unsigned started = 0;
        for (; started < n_writers; started++)
            if (pthread_create(&w[started].tid, NULL, writer_main, &w[started]) != 0)
                break;
        for (unsigned i = started; i < n_writers; i++)
            writer_main(&w[i]);   /* no thread to be had: this one writes */
        for (unsigned i = 0; i < started; i++)
            pthread_join(w[i].tid, NULL);
    }
    for (unsigned k = 0; k < n_writers; k++)
        for (unsigned i = 0; i < pipes[k].nw; i++)
            pthread_join(pipes[k].tids[i], NULL);
    ix_progress_update(&out.prog, out.done, out.done_bytes, 1);
    ix_progress_done(&out.prog);
    int dbfail = 0;
    for (unsigned i = 0; i < n_writers; i++) {
        stats_add(st, &w[i].st);
        dbfail |= w[i].dbfail;
    }
    st->interrupted = stop_requested && !dbfail;

    if (db && !dbfail) {
        if (!st->interrupted)
            st->removed = remove_vanished(db, list, roots, n_roots);
        end_knowledge(db, o);
        if (tracuu_db_commit(db) != TRACUU_OK) {
            db_error(db, "commit failed");
            dbfail = 1;
        }
    }
    tracuu_db_close(db);
    /* a first build written in place is compacted too (the parts of a
     * build on several writers are compacted as they are merged) */
    if (!building && first_build && !dbfail && !st->interrupted && st->indexed &&
        ix_build_compact(o->db_path, o->quiet) != 0)
        dbfail = 1;
    if (building) {
        /* every part committed, then merged into the database: also when
         * interrupted, so what was done is kept */
        if (!dbfail)   /* last, as one writer would have written them */
            end_knowledge(w[n_writers - 1].db, o);
        for (unsigned i = 0; i < n_writers; i++) {
            if (!dbfail && tracuu_db_commit(w[i].db) != TRACUU_OK)
                dbfail = db_error(w[i].db, "commit failed") != 0;
            tracuu_db_close(w[i].db);
        }
        if (!dbfail && ix_build_finish(o->db_path, o->quiet) != 0)
            dbfail = 1;   /* the parts stay: the next run merges them */
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    for (unsigned k = 0; k < n_writers; k++) {
        pthread_mutex_destroy(&pipes[k].mu);
        pthread_cond_destroy(&pipes[k].not_full);
        pthread_cond_destroy(&pipes[k].not_empty);
    }
    pthread_mutex_destroy(&out.mu);
    free(jobs);
    st->fatal = dbfail;
    st->seconds = ix_now() - t0;
    return dbfail ? -1 : 0;
}
