/* One indexing pass: walk, index, remove what vanished, the summary line
 * and the exit status (see indexer.h). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "indexer.h"

static void summary(const ix_opts_t *o, const ix_stats_t *st, const ix_list_t *l)
{
    size_t problems = l->problems;
    double mb = (double)st->bytes / 1e6;
    fprintf(stderr, "%s %zu, unchanged %zu, removed %zu, failed %zu, in %.2f s"
            " (%.2f MB/s)%s\n",
            o->dry_run ? "dry run: would index" : "indexed", st->indexed, st->unchanged,
            st->removed, st->failed + problems, st->seconds,
            st->seconds > 0 ? mb / st->seconds : 0.0,
            st->interrupted ? "; interrupted, run again to finish" : "");
    if (st->skipped + l->skipped)
        fprintf(stderr, "skipped %zu file(s): not a supported type, too large, "
                "without text, needing --ocr, or not a regular file inside the "
                "indexed folders (named above)\n", st->skipped + l->skipped);
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
    const char **contain = NULL;
    char **outside_real = NULL;
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
    /* files are read only where they were listed: the roots and the allowed
     * outside roots, re-checked just before reading */
    ix_opts_t ro = *o;
    contain = calloc(n_walk + o->n_outside + 1, sizeof *contain);
    outside_real = calloc(o->n_outside + 1, sizeof *outside_real);
    if (!contain || !outside_real) {
        ix_unlock(lock);
        goto oom;
    }
    size_t n_contain = 0;
    for (size_t i = 0; i < n_walk; i++)
        if (roots[i])
            contain[n_contain++] = roots[i];
    for (size_t i = 0; i < o->n_outside; i++) {
        char real[PATH_MAX];
        if (realpath(o->outside[i], real) && (outside_real[i] = strdup(real)))
            contain[n_contain++] = outside_real[i];
    }
    ro.contain = contain;
    ro.n_contain = n_contain;
    ix_stats_t st;
    int rc = ix_run(&ro, &list, roots, n_walk + n_gone, &st);
    ix_unlock(lock);
    if (!o->quiet && rc == 0 && !(partial && st.indexed + st.removed + st.failed +
                                  st.skipped + list.problems == 0))
        summary(o, &st, &list);
    *interrupted = st.interrupted;
    /* 3: interrupted, run again (the batches committed so far are kept);
     * 1: some files failed; 0: all indexed (skipped files were named) */
    status = (rc != 0 || st.fatal || st.failed || list.problems) ? IX_EXIT_FAILED
             : st.interrupted ? IX_EXIT_INTERRUPTED : IX_EXIT_OK;
    goto done;
oom:
    fprintf(stderr, "tracuu-index: out of memory while listing files\n");
done:
    for (size_t i = 0; roots && i < n_paths; i++)
        free(roots[i]);
    free(roots);
    free(contain);
    for (size_t i = 0; outside_real && i < o->n_outside; i++)
        free(outside_real[i]);
    free(outside_real);
    free(walk);
    free(gone);
    ix_list_free(&list);
    return status;
}
