/* Walking the folders to index: regular files, symbolic links followed,
 * loops and unreadable folders reported. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "indexer.h"

#define MAX_DEPTH 64

typedef struct {
    dev_t dev;
    ino_t ino;
} dirid_t;

typedef struct {
    ix_list_t *out;
    const char *skip;       /* realpath of the database folder, or NULL */
    dirid_t stack[MAX_DEPTH];
    size_t depth;
    dirid_t *seen;          /* every folder entered (no folder twice) */
    size_t n_seen, cap_seen;
} walk_t;

static void problem(walk_t *w, const char *path, const char *what)
{
    fprintf(stderr, "tracuu-index: %s: %s\n", path, what);
    w->out->problems++;
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
        problem(w, path, "not a regular file or folder");
    return 0;
}

static int walk_dir(walk_t *w, const char *path, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
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
            ix_list_t *out, char **roots_abs)
{
    walk_t w;
    memset(&w, 0, sizeof w);
    w.out = out;
    char skip_real[PATH_MAX];
    if (skip && realpath(skip, skip_real))
        w.skip = skip_real;
    int rc = 0;
    for (size_t i = 0; i < n_roots && rc == 0; i++) {
        char real[PATH_MAX];
        roots_abs[i] = NULL;
        if (!realpath(roots[i], real)) {
            fprintf(stderr, "tracuu-index: %s: %s\n", roots[i], strerror(errno));
            out->problems++;
            continue;
        }
        if (!(roots_abs[i] = strdup(real)))
            rc = -1;
        else
            rc = visit(&w, real, 1);
    }
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
