/* One indexing pass: walk, index, remove what vanished, the summary line
 * and the exit status (see indexer.h). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "indexer.h"

static void summary(const ix_opts_t *o, const ix_stats_t *st, size_t problems,
                    size_t walk_skipped)
{
    double mb = (double)st->bytes / 1e6;
    fprintf(stderr, "%s %zu, unchanged %zu, removed %zu, failed %zu, in %.2f s"
            " (%.2f MB/s)%s\n",
            o->dry_run ? "dry run: would index" : "indexed", st->indexed, st->unchanged,
            st->removed, st->failed + problems, st->seconds,
            st->seconds > 0 ? mb / st->seconds : 0.0,
            st->interrupted ? "; interrupted, run again to finish" : "");
    if (st->skipped)
        fprintf(stderr, "skipped %zu file(s): not a supported type, too large, "
                "without text or needing --ocr (named above)\n", st->skipped);
    if (walk_skipped)
        fprintf(stderr, "skipped %zu entr%s: symbolic links leading out of the indexed "
                "folders, FIFOs, devices or sockets (named above)\n", walk_skipped,
                walk_skipped == 1 ? "y" : "ies");
    if (st->warned)
        fprintf(stderr, "%zu file(s) indexed with problems (named above)\n", st->warned);
}

int ix_pass(const ix_opts_t *o, char *const *paths, size_t n_paths,
            int partial, int *interrupted)
{
    *interrupted = 0;
    /* --watch: a path that is gone only takes its documents with it */
    char **walk = calloc(n_paths ? n_paths : 1, sizeof *walk);
    char **gone = calloc(n_paths ? n_paths : 1, sizeof *gone);
    char **roots = calloc(n_paths ? n_paths : 1, sizeof *roots);
    size_t n_walk = 0, n_gone = 0;
    int status = IX_EXIT_FAILED;
    ix_list_t list;
    memset(&list, 0, sizeof list);
    if (!walk || !gone || !roots)
        goto oom;
    for (size_t i = 0; i < n_paths; i++) {
        struct stat st;
        if (partial && lstat(paths[i], &st) != 0 && errno == ENOENT)
            gone[n_gone++] = paths[i];
        else
            walk[n_walk++] = paths[i];
    }
    int lock = -1;
    if (!o->dry_run) {
        lock = ix_lock(o->db_path, "lock", !o->no_wait, o->quiet);
        if (lock < 0) {
            status = lock == IX_LOCK_BUSY ? IX_EXIT_BUSY : IX_EXIT_FAILED;
            goto done;
        }
    }
    /* listed under the lock: what another run changed is seen */
    ix_walk_opts_t wo = {o->outside, o->n_outside};
    if (ix_walk(walk, n_walk, o->db_path, &wo, &list, roots) != 0) {
        ix_unlock(lock);
        goto oom;
    }
    for (size_t i = 0; i < n_gone; i++)
        roots[n_walk + i] = strdup(gone[i]);
    /* files are read only where they were listed: the real roots and the
     * allowed outside roots, re-checked just before reading */
    ix_opts_t oo = *o;
    const char *contain[IX_MAX_OUTSIDE + 64];
    char *outside_real[IX_MAX_OUTSIDE] = {NULL};
    size_t n_contain = 0;
    int whole = 1;   /* every root resolved: otherwise no re-check (no list) */
    for (size_t i = 0; i < n_walk; i++) {
        if (roots[i] && n_contain < 64)
            contain[n_contain++] = roots[i];
        else if (roots[i])
            whole = 0;
    }
    for (size_t i = 0; i < o->n_outside; i++) {
        char real[PATH_MAX];
        if (realpath(o->outside[i], real) && (outside_real[i] = strdup(real)))
            contain[n_contain++] = outside_real[i];
    }
    oo.contain = whole ? contain : NULL;
    oo.n_contain = whole ? n_contain : 0;
    ix_stats_t st;
    int rc = ix_run(&oo, &list, roots, n_walk + n_gone, &st);
    for (size_t i = 0; i < o->n_outside; i++)
        free(outside_real[i]);
    ix_unlock(lock);
    if (!o->quiet && rc == 0 && !(partial && st.indexed + st.removed + st.failed +
                                  st.skipped + list.problems + list.skipped == 0))
        summary(o, &st, list.problems, list.skipped);
    *interrupted = st.interrupted;
    /* 3: interrupted, run again (what was done is committed); 1: some file
     * failed; 0: all indexed (skipped entries were named) */
    status = st.interrupted && rc == 0 && !st.fatal ? IX_EXIT_INTERRUPTED
           : (rc != 0 || st.fatal || st.failed || list.problems) ? IX_EXIT_FAILED
                                                                 : IX_EXIT_OK;
    goto done;
oom:
    fprintf(stderr, "tracuu-index: out of memory while listing files\n");
done:
    for (size_t i = 0; roots && i < n_paths; i++)
        free(roots[i]);
    free(roots);
    free(walk);
    free(gone);
    ix_list_free(&list);
    return status;
}
