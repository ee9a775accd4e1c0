/* A file and, when it is a container (archive, mail), its members, each
 * extracted as a document of its own, recursively: the bounds of
 * tracuu_extract_opts_t hold for the file and all its members together.
 *
 * The container extractors (extract_archive.c, extract_mail.c) read the
 * members of one level into memory, within what is left of the byte and
 * member budgets (so memory stays bounded by max_inflated); this walker
 * hands each member to tracuu_extract_mem and recurses into the members
 * that are containers themselves, down to max_depth.  A member that fails
 * is reported as a failed part and its siblings go on. */
#include "tracuu/extract.h"
#include "extract/tu_extract_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    tracuu_extract_opts_t o;  /* defaults filled in */
    tracuu_part_fn fn;
    void *ctx;
    size_t members, bytes;    /* used so far, at every depth */
    double deadline;
    int stop;                 /* the callback asked to stop */
    int timed_out;
} walk_t;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void emit(walk_t *w, const tracuu_part_t *p)
{
    if (!w->stop && w->fn(p, w->ctx) != 0)
        w->stop = 1;
}

static char *join(const char *path, const char *name)
{
    size_t a = strlen(path), b = strlen(name);
    char *s = malloc(a + b + 2);
    if (s) {
        memcpy(s, path, a);
        s[a] = '#';
        memcpy(s + a + 1, name, b + 1);
    }
    return s;
}

/* The options for reading a member at DEPTH: what is left of the budgets;
 * at the last level a container only lists its members. */
static tracuu_extract_opts_t member_opts(const walk_t *w, unsigned depth)
{
    tracuu_extract_opts_t o = w->o;
    int spent = w->bytes >= w->o.max_inflated ||
                w->members >= w->o.max_members;
    o.max_inflated = spent ? 1 : w->o.max_inflated - w->bytes;
    o.max_members = spent ? 1 : w->o.max_members - w->members;
    o.list_only = spent ? TRACUU_LIST_SPENT
                  : depth >= w->o.max_depth ? TRACUU_LIST_DEPTH : 0;
    return o;
}

static void members(walk_t *w, const char *path, tracuu_extract_t *x,
                    unsigned depth);

static void count(walk_t *w, const tracuu_extract_t *x)
{
    w->members += x->n_members;
    for (size_t i = 0; i < x->n_members; i++)
        w->bytes += x->members[i].len;
}

static void one_member(walk_t *w, const char *path, tracuu_member_t *m,
                       unsigned depth)
{
    char *mp = join(path, m->name);
    if (!mp) {
        w->stop = 1;
        return;
    }
    tracuu_extract_t x;
    memset(&x, 0, sizeof x);
    tracuu_part_t p = {.path = mp, .depth = depth, .x = &x,
                       .data = m->data, .len = m->len};
    char *err = NULL;
    if (!m->data) {
        p.status = TRACUU_ERR_UNSUPPORTED;
        p.errmsg = m->error ? m->error : "member not readable";
        emit(w, &p);
    } else {
        tracuu_extract_opts_t o = member_opts(w, depth);
        p.status = tracuu_extract_mem(mp, m->data, m->len, &o, &x, &err);
        p.errmsg = p.status == TRACUU_OK ? NULL
                   : err ? err : tracuu_status_to_string(p.status);
        if (p.status == TRACUU_OK)
            count(w, &x);
        emit(w, &p);
        /* The member's bytes are done with: free them before going down. */
        free(m->data);
        m->data = NULL;
        if (p.status == TRACUU_OK && x.n_members)
            members(w, mp, &x, depth + 1);
    }
    free(err);
    tracuu_extract_clear(&x);
    free(mp);
}

static void members(walk_t *w, const char *path, tracuu_extract_t *x,
                    unsigned depth)
{
    for (size_t i = 0; i < x->n_members && !w->stop; i++) {
        if (now() > w->deadline) {
            if (!w->timed_out) {
                char msg[160];
                snprintf(msg, sizeof msg, "container took over %u s: its "
                         "remaining members were skipped",
                         w->o.container_timeout_s);
                tracuu_part_t p = {.path = path, .depth = depth,
                                   .status = TRACUU_ERR_TIMEOUT,
                                   .errmsg = msg, .x = x};
                emit(w, &p);
                w->timed_out = 1;
            }
            return;
        }
        one_member(w, path, &x->members[i], depth);
    }
}

tracuu_status_t tracuu_extract_walk(const char *path,
                                    const tracuu_extract_opts_t *opts,
                                    tracuu_part_fn fn, void *ctx)
{
    walk_t w;
    memset(&w, 0, sizeof w);
    tu_extract_defaults(&w.o, opts);
    w.fn = fn;
    w.ctx = ctx;
    w.deadline = now() + w.o.container_timeout_s;

    tracuu_extract_t x;
    memset(&x, 0, sizeof x);
    char *err = NULL;
    tracuu_extract_opts_t o = member_opts(&w, 0);
    tracuu_status_t rc = tracuu_extract_file(path, &o, &x, &err);
    tracuu_part_t p = {.path = path, .depth = 0, .status = rc, .x = &x};
    p.errmsg = rc == TRACUU_OK ? NULL
               : err ? err : tracuu_status_to_string(rc);
    if (rc == TRACUU_OK)
        count(&w, &x);
    emit(&w, &p);
    if (rc == TRACUU_OK && x.n_members)
        members(&w, path, &x, 1);
    free(err);
    tracuu_extract_clear(&x);
    return rc;
}
