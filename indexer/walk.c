/* Walking the folders to index: regular files; loops, unreadable folders
 * and skipped entries reported.  Containment: a symbolic link is followed
 * only when it leads to a place no root holds and the configuration allows
 * (an outside root); a link to a place inside the roots is not followed,
 * since its target is indexed under its own name (once); a link leading
 * anywhere else is skipped and named. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "indexer.h"
#include "base/tu_path.h"

#define MAX_DEPTH 64

typedef struct {
    dev_t dev;
    ino_t ino;
} dirid_t;

typedef struct {
    ix_list_t *out;
    const char *skip;       /* realpath of the database folder, or NULL */
    const char *const *roots;   /* real paths of the roots (NULL: unreadable) */
    size_t n_roots;
    const char *const *outside; /* real paths of allowed outside roots */
    size_t n_outside;
    dirid_t stack[MAX_DEPTH];
    size_t depth;
    dirid_t *seen;          /* every folder entered (no folder twice) */
    size_t n_seen, cap_seen;
} walk_t;

static void problem(walk_t *w, const char *path, const char *what)
{
    tu_report(stderr, "tracuu-index", path, "%s", what);
    w->out->problems++;
}

/* An entry left out on purpose: named, counted apart from failures. */
static void skipped(walk_t *w, const char *path, const char *what)
{
    tu_report(stderr, "tracuu-index", path, "%s", what);
    w->out->skipped++;
}

static const char *kind_of(mode_t m)
{
    if (S_ISFIFO(m))
        return "a FIFO (named pipe): skipped";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device file: skipped";
    if (S_ISSOCK(m))
        return "a socket: skipped";
    return "not a regular file or folder: skipped";
}

static int on_stack(const walk_t *w, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino)
            return 1;
    return 0;
}

/* A symbolic link below a root: 1 to follow it, 0 to leave it (named when
 * it leads out of the roots). */
static int follow_link(walk_t *w, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return 1;  /* broken or a loop: visit() names it */
    if (tu_path_under_any(real, w->roots, w->n_roots)) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && on_stack(w, &st))
            return 1;  /* a folder containing itself: named as a loop */
        return 0;      /* its target is indexed under its own name */
    }
    if (tu_path_under_any(real, w->outside, w->n_outside))
        return 1;      /* allowed by the configuration (allow_outside_root) */
    tu_report(stderr, "tracuu-index", path, "symbolic link leads out of the "
              "indexed folders (to %s): skipped", real);
    w->out->skipped++;
    return 0;
}

static int add_file(walk_t *w, const char *path, const struct stat *st)
{
    ix_list_t *l = w->out;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        ix_file_t *f = realloc(l->files, cap * sizeof *f);
        if (!f)
            return -1;
        l->files = f;
        l->cap = cap;
    }
    ix_file_t *f = &l->files[l->n];
    if (!(f->path = strdup(path)))
        return -1;
    f->size = (uint64_t)st->st_size;
    snprintf(f->mtime, sizeof f->mtime, "%lld.%09ld", (long long)st->st_mtim.tv_sec,
             (long)st->st_mtim.tv_nsec);
    l->bytes += f->size;
    l->n++;
    return 0;
}

static int seen_before(walk_t *w, const struct stat *st)
{
    for (size_t i = 0; i < w->n_seen; i++)
        if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino)
            return 1;
    if (w->n_seen == w->cap_seen) {
        size_t cap = w->cap_seen ? w->cap_seen * 2 : 64;
        dirid_t *s = realloc(w->seen, cap * sizeof *s);
        if (!s)
            return 0;
        w->seen = s;
        w->cap_seen = cap;
    }
    w->seen[w->n_seen++] = (dirid_t){st->st_dev, st->st_ino};
    return 0;
}

static int walk_dir(walk_t *w, const char *path, const struct stat *st);

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int visit(walk_t *w, const char *path, int is_root)
{
    struct stat st, lst;
    if (!is_root && lstat(path, &lst) == 0) {
        if (S_ISLNK(lst.st_mode) && !follow_link(w, path))
            return 0;
        if (!S_ISLNK(lst.st_mode) && !S_ISREG(lst.st_mode) && !S_ISDIR(lst.st_mode)) {
            skipped(w, path, kind_of(lst.st_mode));
            return 0;
        }
    }
    if (stat(path, &st) != 0) {
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            problem(w, path, errno == ELOOP ? "symbolic link loop"
                                            : "broken symbolic link");
        else
            problem(w, path, strerror(errno));
        return 0;
    }
    if (S_ISDIR(st.st_mode))
        return walk_dir(w, path, &st);
    if (S_ISREG(st.st_mode))
        return add_file(w, path, &st);
    if (is_root)
        problem(w, path, kind_of(st.st_mode));
    else
        skipped(w, path, kind_of(st.st_mode));
    return 0;
}

static int walk_dir(walk_t *w, const char *path, const struct stat *st)
{
    if (on_stack(w, st)) {
        problem(w, path, "symbolic link loop (folder contains itself), skipped");
        return 0;
    }
    if (w->skip) {
        char real[PATH_MAX];
        if (realpath(path, real) && strcmp(real, w->skip) == 0)
            return 0;  /* the database itself */
    }
    if (seen_before(w, st))
        return 0;  /* reached twice through links: index once */
    if (w->depth >= MAX_DEPTH) {
        problem(w, path, "folders nested too deeply, skipped");
        return 0;
    }
    DIR *d = opendir(path);
    if (!d) {
        char msg[160];
        snprintf(msg, sizeof msg, "cannot read folder: %s", strerror(errno));
        problem(w, path, msg);
        return 0;
    }
    w->stack[w->depth++] = (dirid_t){st->st_dev, st->st_ino};
    /* sorted, so runs and progress are repeatable */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || ix_excluded(path, e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    size_t pl = strlen(path);
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t nl = strlen(names[i]);
        char *child = malloc(pl + nl + 2);
        if (!child) {
            rc = -1;
            break;
        }
        memcpy(child, path, pl);
        size_t o = pl;
        if (o == 0 || child[o - 1] != '/')
            child[o++] = '/';
        memcpy(child + o, names[i], nl + 1);
        rc = visit(w, child, 0);
        free(child);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    w->depth--;
    return rc;
}

int ix_walk(char *const *roots, size_t n_roots, const char *skip,
            const ix_walk_opts_t *wo, ix_list_t *out, char **roots_abs)
{
    walk_t w;
    memset(&w, 0, sizeof w);
    w.out = out;
    char skip_real[PATH_MAX];
    if (skip && realpath(skip, skip_real))
        w.skip = skip_real;
    int rc = 0;
    /* every root resolved first: a link from one root into another is inside */
    for (size_t i = 0; i < n_roots && rc == 0; i++) {
        char real[PATH_MAX];
        roots_abs[i] = NULL;
        if (!realpath(roots[i], real)) {
            tu_report(stderr, "tracuu-index", roots[i], "%s", strerror(errno));
            out->problems++;
            continue;
        }
        if (!(roots_abs[i] = strdup(real)))
            rc = -1;
    }
    char **outside = NULL;
    size_t n_out = 0;
    if (wo && wo->n_outside) {
        outside = calloc(wo->n_outside, sizeof *outside);
        if (!outside)
            rc = -1;
        for (size_t i = 0; outside && i < wo->n_outside; i++) {
            char real[PATH_MAX];
            if (realpath(wo->outside[i], real) && (outside[n_out] = strdup(real)))
                n_out++;
        }
    }
    w.roots = (const char *const *)roots_abs;
    w.n_roots = n_roots;
    w.outside = (const char *const *)outside;
    w.n_outside = n_out;
    for (size_t i = 0; i < n_roots && rc == 0; i++)
        if (roots_abs[i])
            rc = visit(&w, roots_abs[i], 1);
    for (size_t i = 0; i < n_out; i++)
        free(outside[i]);
    free(outside);
    free(w.seen);
    return rc;
}

void ix_list_free(ix_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->files[i].path);
    free(l->files);
    memset(l, 0, sizeof *l);
}
