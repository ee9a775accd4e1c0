/* tracuu-index --watch: keep the index current with inotify(7).
 *
 * Every folder under the roots gets a watch (added before the first full
 * pass, so nothing changed during that pass is missed).  An event marks
 * its path dirty; a folder created or moved in gets watches for its whole
 * tree, one moved away or deleted loses them.  When no event came for
 * watch_delay_ms (or the changes have kept coming for 20 times that), one
 * pass indexes the dirty paths: ix_pass walks those that exist and removes
 * the documents of those that are gone.  Memory stays bounded: one path
 * per watched folder, at most MAX_DIRTY dirty paths (more, or a kernel
 * queue overflow, and the next pass is a full one).  SIGHUP asks for a
 * full pass; SIGINT and SIGTERM stop after the current pass. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "indexer.h"

#define MAX_DIRTY 10000
#define MAX_DEPTH 64
#define DEFAULT_DELAY_MS 1500
#define MASK (IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | \
              IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | \
              IN_ONLYDIR)

typedef struct {
    int fd;
    char **wd_path;          /* indexed by watch descriptor */
    size_t cap;
    size_t n_watched;
    int limit_said;
    const char *skip;        /* realpath of the database, or NULL */
    char **dirty;
    size_t n_dirty;
    int full;                /* the next pass is a full one */
} watch_t;

static volatile sig_atomic_t watch_stop, watch_hup;

static void on_stop(int sig)
{
    (void)sig;
    watch_stop = 1;
}

static void on_hup(int sig)
{
    (void)sig;
    watch_hup = 1;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static char *join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    char *p = malloc(dl + nl + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    size_t o = dl;
    if (o == 0 || p[o - 1] != '/')
        p[o++] = '/';
    memcpy(p + o, name, nl + 1);
    return p;
}

static int is_under(const char *path, const char *dir)
{
    size_t l = strlen(dir);
    return strncmp(path, dir, l) == 0 && (path[l] == '\0' || path[l] == '/');
}

static void mark(watch_t *w, const char *path)
{
    if (w->full)
        return;
    /* a file being written sends many events: seen just before? */
    for (size_t i = w->n_dirty, k = 0; i-- > 0 && k < 16; k++)
        if (strcmp(w->dirty[i], path) == 0)
            return;
    if (w->n_dirty == MAX_DIRTY) {
        w->full = 1;   /* too many: a full pass costs no more */
        return;
    }
    char *p = strdup(path);
    if (!p) {
        w->full = 1;
        return;
    }
    w->dirty[w->n_dirty++] = p;
}

static void forget(watch_t *w, int wd)
{
    if (wd >= 0 && (size_t)wd < w->cap && w->wd_path[wd]) {
        free(w->wd_path[wd]);
        w->wd_path[wd] = NULL;
        w->n_watched--;
    }
}

/* Stop watching DIR and everything under it (moved away). */
static void forget_under(watch_t *w, const char *dir)
{
    for (size_t i = 0; i < w->cap; i++)
        if (w->wd_path[i] && is_under(w->wd_path[i], dir)) {
            inotify_rm_watch(w->fd, (int)i);
            forget(w, (int)i);
        }
}

/* Watch the folder PATH and every folder under it.  0, or -1 when out of
 * memory. */
static int add_tree(watch_t *w, const char *path, int depth)
{
    if (depth > MAX_DEPTH)
        return 0;
    if (w->skip) {
        char real[PATH_MAX];
        if (realpath(path, real) && strcmp(real, w->skip) == 0)
            return 0;   /* the database itself */
    }
    int wd = inotify_add_watch(w->fd, path, MASK);
    if (wd < 0) {
        if (errno == ENOSPC && !w->limit_said) {
            fprintf(stderr, "tracuu-index: --watch: the limit of inotify watches "
                    "is reached (%zu folders; raise fs.inotify.max_user_watches): "
                    "changes in the folders not watched are seen by the next "
                    "full pass only\n", w->n_watched);
            w->limit_said = 1;
        }
        return 0;   /* gone already, not a folder, unreadable: the pass says */
    }
    if ((size_t)wd >= w->cap) {
        size_t cap = w->cap ? w->cap : 64;
        while (cap <= (size_t)wd)
            cap *= 2;
        char **p = realloc(w->wd_path, cap * sizeof *p);
        if (!p)
            return -1;
        memset(p + w->cap, 0, (cap - w->cap) * sizeof *p);
        w->wd_path = p;
        w->cap = cap;
    }
    if (w->wd_path[wd]) {
        if (strcmp(w->wd_path[wd], path) == 0 || !is_under(path, w->wd_path[wd])) {
            /* the same folder again (or reached by a link): keep one path,
             * the newest (a folder moved within the tree) */
            if (strcmp(w->wd_path[wd], path) != 0) {
                char *p = strdup(path);
                if (!p)
                    return -1;
                free(w->wd_path[wd]);
                w->wd_path[wd] = p;
            }
        } else {
            return 0;   /* a link back up: a loop */
        }
    } else {
        if (!(w->wd_path[wd] = strdup(path)))
            return -1;
        w->n_watched++;
    }
    DIR *d = opendir(path);
    if (!d)
        return 0;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.' || ix_excluded(path, e->d_name))
            continue;
        if (e->d_type != DT_DIR && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
            continue;
        char *child = join(path, e->d_name);
        if (!child) {
            rc = -1;
            break;
        }
        struct stat st;
        if (stat(child, &st) == 0 && S_ISDIR(st.st_mode))
            rc = add_tree(w, child, depth + 1);
        free(child);
    }
    closedir(d);
    return rc;
}

static void handle(watch_t *w, const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        w->full = 1;
        return;
    }
    if (ev->wd < 0 || (size_t)ev->wd >= w->cap || !w->wd_path[ev->wd])
        return;
    if (ev->mask & IN_IGNORED) {
        forget(w, ev->wd);
        return;
    }
    const char *dir = w->wd_path[ev->wd];
    if (ev->len == 0 || !ev->name[0]) {   /* the watched folder itself */
        if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
            mark(w, dir);
        return;
    }
    if (ev->name[0] == '.' || ix_excluded(dir, ev->name))
        return;
    char *path = join(dir, ev->name);
    if (!path) {
        w->full = 1;
        return;
    }
    if (w->skip && strcmp(path, w->skip) == 0) {
        free(path);
        return;
    }
    if (ev->mask & IN_MOVED_FROM)
        forget_under(w, path);
    if (ev->mask & (IN_CREATE | IN_MOVED_TO)) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && add_tree(w, path, 0) != 0)
            w->full = 1;
    }
    mark(w, path);
    free(path);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort the dirty paths, drop repeats and those under another dirty path
 * (each path looks for its folders among those kept: sorted, so binary
 * search). */
static void collapse(watch_t *w)
{
    qsort(w->dirty, w->n_dirty, sizeof *w->dirty, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < w->n_dirty; i++) {
        char *p = w->dirty[i];
        int covered = k && strcmp(w->dirty[k - 1], p) == 0;
        for (char *s = strchr(p + 1, '/'); s && !covered; s = strchr(s + 1, '/')) {
            *s = '\0';
            const char *key = p;
            covered = bsearch(&key, w->dirty, k, sizeof *w->dirty, cmp_str) != NULL;
            *s = '/';
        }
        if (covered)
            free(p);
        else
            w->dirty[k++] = p;
    }
    w->n_dirty = k;
}

static void clear_dirty(watch_t *w)
{
    for (size_t i = 0; i < w->n_dirty; i++)
        free(w->dirty[i]);
    w->n_dirty = 0;
}

/* A pass: over the dirty paths, or full over ROOTS.  Returns 1 when a
 * signal stopped it. */
static int do_pass(watch_t *w, const ix_opts_t *o, char *const *roots,
                   size_t n_roots)
{
    int interrupted = 0;
    if (w->full) {
        clear_dirty(w);
        w->full = 0;
        for (size_t i = 0; i < n_roots; i++)   /* a root made again */
            if (add_tree(w, roots[i], 0) != 0)
                w->full = 1;
        /* as a plain run: a root that is missing (unmounted?) is named,
         * its documents are kept */
        ix_pass(o, roots, n_roots, 0, &interrupted);
    } else if (w->n_dirty) {
        collapse(w);
        ix_pass(o, w->dirty, w->n_dirty, 1, &interrupted);
        clear_dirty(w);
    }
    return interrupted;
}

int ix_watch(const ix_opts_t *o, char *const *paths, size_t n_paths)
{
    int status = IX_EXIT_FAILED;
    int wlock = ix_lock(o->db_path, "watch.lock", 0, o->quiet);
    if (wlock < 0)
        return wlock == IX_LOCK_BUSY ? IX_EXIT_BUSY : IX_EXIT_FAILED;
    watch_t w;
    memset(&w, 0, sizeof w);
    char skip_real[PATH_MAX];
    if (realpath(o->db_path, skip_real))
        w.skip = skip_real;
    char **roots = calloc(n_paths, sizeof *roots);
    w.dirty = calloc(MAX_DIRTY, sizeof *w.dirty);
    w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w.fd < 0) {
        fprintf(stderr, "tracuu-index: --watch: inotify: %s\n", strerror(errno));
        goto out;
    }
    if (!roots || !w.dirty)
        goto oom;
    size_t n_roots = 0;
    for (size_t i = 0; i < n_paths; i++) {
        char real[PATH_MAX];
        if (!realpath(paths[i], real)) {
            fprintf(stderr, "tracuu-index: %s: %s\n", paths[i], strerror(errno));
            goto out;
        }
        if (!(roots[n_roots++] = strdup(real)))
            goto oom;
    }
    ix_opts_t po = *o;
    po.progress = 0;

    struct sigaction sa, old_int, old_term, old_hup;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;   /* no SA_RESTART: poll returns on a signal */
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, &old_hup);
    watch_stop = watch_hup = 0;

    w.full = 1;   /* the start: watches first, then the full pass */
    for (size_t i = 0; i < n_roots; i++)
        if (add_tree(&w, roots[i], 0) != 0)
            goto oom_sig;
    if (!o->quiet)
        fprintf(stderr, "tracuu-index: watching %zu folder(s) under %zu root(s)\n",
                w.n_watched, n_roots);
    double delay = o->watch_delay_ms ? o->watch_delay_ms : DEFAULT_DELAY_MS;
    double first = 0, last = 0;
    int stopped = do_pass(&w, &po, roots, n_roots);
    if (!o->quiet && !stopped)
        fprintf(stderr, "tracuu-index: up to date; watching for changes\n");
    char buf[64 * 1024] __attribute__((aligned(__alignof__(struct inotify_event))));
    while (!stopped && !watch_stop) {
        struct pollfd pfd = {.fd = w.fd, .events = POLLIN};
        int pending = w.n_dirty || w.full;
        int timeout = pending ? 50 : 1000;
        int r = poll(&pfd, 1, timeout);
        if (r < 0 && errno != EINTR) {
            fprintf(stderr, "tracuu-index: --watch: poll: %s\n", strerror(errno));
            break;
        }
        if (r > 0) {
            ssize_t n;
            while ((n = read(w.fd, buf, sizeof buf)) > 0) {
                for (char *p = buf; p < buf + n;) {
                    const struct inotify_event *ev = (const struct inotify_event *)p;
                    handle(&w, ev);
                    p += sizeof *ev + ev->len;
                }
                double t = now_ms();
                if (!first)
                    first = t;
                last = t;
            }
        }
        if (watch_hup) {
            watch_hup = 0;
            w.full = 1;
            first = last = now_ms() - delay;
        }
        if (!(w.n_dirty || w.full)) {
            first = 0;
            continue;
        }
        double t = now_ms();
        if (t - last >= delay || t - first >= 20 * delay) {
            stopped = do_pass(&w, &po, roots, n_roots);
            first = 0;
        }
    }
    status = IX_EXIT_OK;
    if (!o->quiet)
        fprintf(stderr, "tracuu-index: --watch stopped\n");
    goto restore;
oom_sig:
    fprintf(stderr, "tracuu-index: --watch: out of memory\n");
restore:
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    goto out;
oom:
    fprintf(stderr, "tracuu-index: --watch: out of memory\n");
out:
    if (w.fd >= 0)
        close(w.fd);
    for (size_t i = 0; i < w.cap; i++)
        free(w.wd_path[i]);
    free(w.wd_path);
    if (w.dirty)
        clear_dirty(&w);
    free(w.dirty);
    for (size_t i = 0; roots && i < n_paths; i++)
        free(roots[i]);
    free(roots);
    ix_unlock(wlock);
    return status;
}
